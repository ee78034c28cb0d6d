using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Interfaces;

/// <summary>
/// The catalog's and the recommendation request's input rules, shared by the HTTP API, the SDK and the grains so
/// that every entry point rejects the same things with the same words (see <see cref="EventRules"/>).
/// </summary>
public static class CatalogRules
{
    /// <summary>Most categories an item, or a query, may hold.</summary>
    public const int MaxCategories = 32;
    /// <summary>Most tags an item, or a query, may hold.</summary>
    public const int MaxTags = 64;
    /// <summary>Longest category or tag, in characters.</summary>
    public const int MaxLabelLength = 128;
    /// <summary>Longest item title, in characters.</summary>
    public const int MaxTitleLength = 1024;
    /// <summary>Deepest position in a ranking a page may start at.</summary>
    public const int MaxOffset = 10_000;
    /// <summary>Most item ids a request may exclude.</summary>
    public const int MaxExclude = 1000;
    /// <summary>Most events an anonymous session's request may carry.</summary>
    public const int MaxSessionEvents = 500;

    /// <summary>Who a session's events belong to when they are checked and weighed as a user's events are.</summary>
    public const string SessionUser = "session";

    /// <summary>Returns why the metadata is invalid, naming the field, or null.</summary>
    public static string? CheckMetadata(ItemMetadata? metadata)
    {
        if (metadata is null)
        {
            return "The item metadata must not be null.";
        }

        if (metadata.Title is { Length: > MaxTitleLength })
        {
            return $"title must be at most {MaxTitleLength} characters.";
        }

        if ((CheckLabels(metadata.Categories, "categories", MaxCategories) ?? CheckLabels(metadata.Tags, "tags", MaxTags)) is { } labels)
        {
            return labels;
        }

        if (metadata is { LiveFrom: { } from, LiveUntil: { } until } && until <= from)
        {
            return "liveUntil must be later than liveFrom.";
        }

        return metadata is { AvailableFrom: { } availableFrom, AvailableUntil: { } availableUntil } && availableUntil <= availableFrom
            ? "availableUntil must be later than availableFrom."
            : null;
    }

    /// <summary>Returns why the filter is invalid (too many or malformed categories or tags), or null.</summary>
    public static string? CheckFilter(ItemFilter? filter) =>
        filter is null ? null : CheckLabels(filter.Categories, "category", MaxCategories) ?? CheckLabels(filter.Tags, "tag", MaxTags);

    /// <summary>Returns why the request is invalid, naming the field, or null.</summary>
    public static string? CheckRequest(RecommendationRequest? request)
    {
        if (request is null)
        {
            return "The request must not be null.";
        }

        return EventRules.CheckCount(request.Count)
            ?? CheckOffset(request.Offset)
            ?? CheckExclude(request.Exclude)
            ?? CheckFilter(request.Filter)
            ?? CheckDiversity(request.Diversity);
    }

    /// <summary>Returns why <paramref name="diversity"/> (the MMR weight λ; null = the engine's default) is out of [0, 1], or null.</summary>
    public static string? CheckDiversity(float? diversity) =>
        diversity is { } lambda && !(lambda is >= 0f and <= 1f) ? $"diversity must be a number from 0 to 1 (was {lambda.ToString(System.Globalization.CultureInfo.InvariantCulture)})." : null;

    /// <summary>Returns why the session request is invalid (no events, too many, a bad event, a bad request), naming the field, or null.</summary>
    public static string? CheckSession(SessionRequest? session)
    {
        if (session is null)
        {
            return "The session request must not be null.";
        }

        if (session.Events.IsDefaultOrEmpty)
        {
            return "events must hold at least one event.";
        }

        if (session.Events.Length > MaxSessionEvents)
        {
            return $"events may hold at most {MaxSessionEvents} events (was {session.Events.Length}).";
        }

        for (var i = 0; i < session.Events.Length; i++)
        {
            if (session.Events[i] is null)
            {
                return $"events[{i}] must not be null.";
            }

            if (EventRules.Check(AsUserEvent(session.Events[i], DateTimeOffset.UnixEpoch), $"events[{i}]") is { } problem)
            {
                return problem;
            }
        }

        return CheckRequest(session.Request);
    }

    /// <summary>The session event as a user's event of <see cref="SessionUser"/>, stamped <paramref name="now"/> when it carries no time.</summary>
    public static InteractionEvent AsUserEvent(SessionEvent e, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new InteractionEvent(SessionUser, e.ItemId, e.Type, e.Value, e.Timestamp ?? now);
    }

    /// <summary>Returns why <paramref name="offset"/> is out of range, or null.</summary>
    public static string? CheckOffset(int offset) =>
        offset is < 0 or > MaxOffset ? $"offset must be from 0 to {MaxOffset} (was {offset})." : null;

    /// <summary>Returns why the excluded ids are invalid, or null.</summary>
    public static string? CheckExclude(ImmutableArray<string> exclude)
    {
        if (exclude.IsDefaultOrEmpty)
        {
            return null;
        }

        if (exclude.Length > MaxExclude)
        {
            return $"exclude may name at most {MaxExclude} items (was {exclude.Length}).";
        }

        foreach (var itemId in exclude)
        {
            if (EventRules.CheckId(itemId, "exclude") is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? CheckLabels(ImmutableArray<string> labels, string field, int max)
    {
        if (labels.IsDefaultOrEmpty)
        {
            return null;
        }

        if (labels.Length > max)
        {
            return $"{field} may hold at most {max} values (was {labels.Length}).";
        }

        foreach (var label in labels)
        {
            if (string.IsNullOrWhiteSpace(label))
            {
                return $"{field} must not hold an empty value.";
            }

            if (label.Length > MaxLabelLength)
            {
                return $"{field} values must be at most {MaxLabelLength} characters (was {label.Length}).";
            }
        }

        return null;
    }
}
