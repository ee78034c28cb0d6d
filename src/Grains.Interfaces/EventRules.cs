using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Interfaces;

/// <summary>
/// The input rules of the public contract, shared by the HTTP API, the SDK and the grains so that
/// every entry point rejects the same things with the same words.
/// </summary>
public static class EventRules
{
    /// <summary>Longest user or item id, in characters.</summary>
    public const int MaxIdLength = 256;
    /// <summary>Longest event id (the idempotency key), in characters.</summary>
    public const int MaxEventIdLength = 128;
    /// <summary>Most events one call may send.</summary>
    public const int MaxBatchSize = 10_000;
    /// <summary>Lowest value of a rating event.</summary>
    public const float MinRating = 1f;
    /// <summary>Highest value of a rating event.</summary>
    public const float MaxRating = 5f;
    /// <summary>Most items one recommendation request may ask for.</summary>
    public const int MaxCount = 1000;

    /// <summary>Returns why <paramref name="id"/> is not a valid id, or null when it is.</summary>
    public static string? CheckId(string? id, string field)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return $"{field} must not be empty.";
        }

        return id.Length > MaxIdLength
            ? $"{field} must be at most {MaxIdLength} characters (was {id.Length})."
            : null;
    }

    /// <summary>Returns why the event is invalid, naming the field by its path, or null when it is valid.</summary>
    public static string? Check(InteractionEvent? e, string path)
    {
        if (e is null)
        {
            return $"{path} must not be null.";
        }

        var problem = CheckId(e.UserId, $"{path}.userId") ?? CheckId(e.ItemId, $"{path}.itemId");
        if (problem is not null)
        {
            return problem;
        }

        if (e.EventId is { } eventId && (eventId.Length is 0 or > MaxEventIdLength || string.IsNullOrWhiteSpace(eventId)))
        {
            return $"{path}.eventId must be 1 to {MaxEventIdLength} characters, not blank (was {eventId.Length}).";
        }

        if (!Enum.IsDefined(e.Type))
        {
            return $"{path}.type is not a known event type.";
        }

        if (e.Value is { } value && !float.IsFinite(value))
        {
            return $"{path}.value must be a finite number.";
        }

        if (e.Type == EventType.Rating && e.Value is not (>= MinRating and <= MaxRating))
        {
            return $"{path}.value must be a rating from {MinRating} to {MaxRating} for a rating event.";
        }

        return null;
    }

    /// <summary>Returns why the batch is invalid (the first problem found), or null when every event is valid.</summary>
    public static string? CheckBatch(IReadOnlyList<InteractionEvent>? events, string path = "events")
    {
        if (events is null || events.Count == 0)
        {
            return $"{path} must contain at least one event.";
        }

        if (events.Count > MaxBatchSize)
        {
            return $"{path} must contain at most {MaxBatchSize} events (was {events.Count}).";
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (Check(events[i], $"{path}[{i}]") is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>Returns why <paramref name="count"/> is out of range, or null.</summary>
    public static string? CheckCount(int count, string field = "count") =>
        count is < 1 or > MaxCount ? $"{field} must be from 1 to {MaxCount} (was {count})." : null;

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="problem"/> is not null.</summary>
    public static void ThrowIfInvalid(string? problem, string paramName)
    {
        if (problem is not null)
        {
            throw new ArgumentException(problem, paramName);
        }
    }
}
