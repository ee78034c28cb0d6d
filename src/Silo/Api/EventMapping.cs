using System.Collections.Frozen;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Silo.Api;

/// <summary>Turns wire events into contract events, stopping at the first one that breaks a rule.</summary>
internal static class EventMapping
{
    private static readonly FrozenDictionary<string, EventType> Types = Enum.GetValues<EventType>()
        .ToFrozenDictionary(type => type.ToString().ToLowerInvariant(), StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<EventType, string> Names = Types.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>The name <paramref name="type"/> has on the wire: its member name in lower case.</summary>
    public static string WireName(EventType type) => Names[type];

    /// <summary>The wire names of the event types, for messages.</summary>
    public static string TypeNames => string.Join(", ", Types.Keys);

    public static bool TryParseType(string? name, out EventType type)
    {
        type = default;
        return name is not null && Types.TryGetValue(name, out type);
    }

    public static string? TryMap(EventsRequest request, DateTimeOffset now, out List<InteractionEvent> events)
    {
        events = [];
        if (request.Events is not { Count: > 0 } wire)
        {
            return "events must contain at least one event.";
        }

        if (wire.Count > EventRules.MaxBatchSize)
        {
            return $"events must contain at most {EventRules.MaxBatchSize} events (was {wire.Count}).";
        }

        for (var i = 0; i < wire.Count; i++)
        {
            var path = $"events[{i}]";
            if (wire[i] is not { } dto)
            {
                return $"{path} must be an object.";
            }

            if (!TryParseType(dto.Type, out var type))
            {
                return $"{path}.type must be one of {TypeNames} (was '{dto.Type}').";
            }

            var e = new InteractionEvent(dto.UserId!, dto.ItemId!, type, dto.Value, dto.Timestamp ?? now) { EventId = dto.EventId };
            if (EventRules.Check(e, path) is { } problem)
            {
                return problem;
            }

            events.Add(e);
        }

        return null;
    }
}
