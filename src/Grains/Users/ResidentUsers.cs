using System.Collections.Concurrent;
using AIaaS.Grains.Options;
using Microsoft.Extensions.Options;

namespace AIaaS.Grains.Users;

/// <summary>
/// Bounds how many user grains a silo keeps active (<see cref="EngineOptions.MaxActiveUsers"/>), so that its memory
/// follows the users it serves, not every user it has seen since it started. Past the bound, each new activation asks
/// one resident to deactivate, chosen by second chance (CLOCK): a user called since the queue last passed it is passed
/// over once. A deactivated user saves its state and, when called again, reads it back and replays the log past it,
/// so the bound costs re-activations and never data.
/// </summary>
public sealed class ResidentUsers(IOptions<EngineOptions> options)
{
    private static readonly DeactivationReason OverLimit =
        new(DeactivationReasonCode.ApplicationRequested, $"More active users than {EngineOptions.Section}:{nameof(EngineOptions.MaxActiveUsers)}.");

    private readonly ConcurrentQueue<Resident> _queue = new();
    private readonly int _limit = options.Value.MaxActiveUsers;
    private int _count;

    /// <summary>Residents not yet asked to leave.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Takes in a newly activated user; null when there is no bound, and nothing is tracked.</summary>
    public Resident? Admit(IGrainContext grain)
    {
        ArgumentNullException.ThrowIfNull(grain);
        if (_limit <= 0)
        {
            return null;
        }

        var resident = new Resident(grain, this);
        _queue.Enqueue(resident);

        // Two looks at the queue's head for each entry added drop the entries of users that left on their own
        // (idle collection) even while the bound is never reached, so the queue stays a small multiple of the residents.
        Turn(evict: false);
        Turn(evict: false);
        if (Interlocked.Increment(ref _count) > _limit)
        {
            Evict();
        }

        return resident;
    }

    private void Evict()
    {
        // A full turn clears every reference bit it passes, so the second turn finds someone.
        for (var looks = 2 * _queue.Count + 2; looks > 0 && Volatile.Read(ref _count) > _limit; looks--)
        {
            if (Turn(evict: true) is { } leaving)
            {
                leaving.Grain.Deactivate(OverLimit);
                return;
            }
        }
    }

    /// <summary>Looks at the head: drops it if it left, passes it over (back of the queue) if it stays, returns it if it is to leave.</summary>
    private Resident? Turn(bool evict)
    {
        if (!_queue.TryDequeue(out var head) || head.HasLeft)
        {
            return null;
        }

        if (evict && !head.TakeReference() && head.Leave())
        {
            return head;
        }

        _queue.Enqueue(head);
        return null;
    }

    /// <summary>One user grain's place among the residents.</summary>
    public sealed class Resident
    {
        private readonly ResidentUsers _owner;
        private int _referenced = 1;
        private int _left;

        internal Resident(IGrainContext grain, ResidentUsers owner)
        {
            Grain = grain;
            _owner = owner;
        }

        internal IGrainContext Grain { get; }

        internal bool HasLeft => Volatile.Read(ref _left) != 0;

        /// <summary>The user was called: it is passed over by the next eviction that reaches it.</summary>
        public void Touch() => Volatile.Write(ref _referenced, 1);

        /// <summary>The user deactivates (asked to or on its own): it no longer counts.</summary>
        public void Release() => Leave();

        internal bool TakeReference() => Interlocked.Exchange(ref _referenced, 0) != 0;

        /// <summary>Whether this call is the one that took the resident out of the count (only one ever is).</summary>
        internal bool Leave()
        {
            if (Interlocked.Exchange(ref _left, 1) != 0)
            {
                return false;
            }

            Interlocked.Decrement(ref _owner._count);
            return true;
        }
    }
}
