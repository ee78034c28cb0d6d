using AIaaS.Engine.Models;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Options;
using AIaaS.Grains.Storage;

namespace AIaaS.Grains.Retraining;

/// <summary>
/// Brings training data up to the log's end: it drops the users erased since the data was read (from the store's
/// erasure records, without re-reading anything), and reads what every partition gained since, all partitions at
/// once, straight from the log store into each partition's builder as the rows are decoded. Each partition is read
/// on the thread pool, one page after another, so the cores share the work and a builder only ever sees one caller;
/// the erasures are applied on the caller's turn, before and after.
/// </summary>
internal static class TrainingDataReader
{
    /// <returns>The events read this time.</returns>
    public static async Task<long> ExtendAsync(
        IInteractionLogStore log, EngineOptions engine, int pageSize, TrainingData data, Action<long> progress, CancellationToken cancellationToken)
    {
        // Erasures first: an erased user's events are already out of the log, so none of them is read below, and a
        // user who came back after the erasure keeps the new events. Again after the read, for erasures during it.
        await DropErasedAsync(log, data, cancellationToken);
        long read = 0;

        async Task ReadPartitionAsync(int partition)
        {
            var rows = new BuilderRows(data.Builders[partition], engine);
            while (true)
            {
                var page = await log.ReadRowsAsync(partition, data.ReadThrough[partition], pageSize, rows, cancellationToken).ConfigureAwait(false);
                data.ReadThrough[partition] = page.LastSequence;
                progress(Interlocked.Add(ref read, page.Rows));
                if (page.IsEnd)
                {
                    break;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, engine.LogPartitions).Select(partition => Task.Run(() => ReadPartitionAsync(partition), cancellationToken)));
        await DropErasedAsync(log, data, cancellationToken);
        return read;
    }

    private static async Task DropErasedAsync(IInteractionLogStore log, TrainingData data, CancellationToken cancellationToken)
    {
        foreach (var erasure in await log.ReadErasuresAsync(data.ErasedThrough, cancellationToken))
        {
            data.RemoveUser(erasure.UserId);
            data.ErasedThrough = erasure.Id;
        }
    }

    /// <summary>
    /// Adds each row the store decodes to one partition's builder, weighted as the engine weighs its event. Rows that
    /// come with the store's keys are numbered through the keys: an id is looked up once per read, not once per row.
    /// </summary>
    private sealed class BuilderRows(InteractionMatrixBuilder builder, EngineOptions engine) : ILogRowSink
    {
        private readonly KeyedNumbers _users = new();
        private readonly KeyedNumbers _items = new();
        private readonly Func<string, int> _userNumber = id => builder.IndexOfUser(id);
        private readonly Func<string, int> _itemNumber = id => builder.IndexOfItem(id);

        public void Add(long sequence, ReadOnlySpan<char> userId, ReadOnlySpan<char> itemId, EventType type, float? value) =>
            builder.Add(userId, itemId, (float)engine.WeightOf(type, value));

        public void Add(long sequence, long userKey, string userId, long itemKey, string itemId, EventType type, float? value)
        {
            var user = _users.Of(userKey, userId, _userNumber);
            var item = _items.Of(itemKey, itemId, _itemNumber);
            builder.Add(user, item, (float)engine.WeightOf(type, value));
        }
    }

    /// <summary>What a builder numbered each store key (index + 1; 0 = not yet asked), in an array grown by doubling.</summary>
    private sealed class KeyedNumbers
    {
        private int[] _numbers = new int[1024];

        public int Of(long key, string id, Func<string, int> number)
        {
            if ((ulong)key >= (ulong)_numbers.Length)
            {
                if (key < 0 || key >= Array.MaxLength)
                {
                    return number(id);
                }

                Array.Resize(ref _numbers, (int)Math.Min(Math.Max(2L * _numbers.Length, key + 1), Array.MaxLength));
            }

            ref var known = ref _numbers[key];
            if (known == 0)
            {
                known = number(id) + 1;
            }

            return known - 1;
        }
    }
}
