using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Client;

/// <summary>Splits a batch into one batch per user, keeping each user's events in their order.</summary>
internal static class EventsByUser
{
    public static List<(string UserId, ImmutableArray<InteractionEvent> Events)> Group(
        IReadOnlyList<InteractionEvent> interactions)
    {
        var builders = new Dictionary<string, ImmutableArray<InteractionEvent>.Builder>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var interaction in interactions)
        {
            if (!builders.TryGetValue(interaction.UserId, out var builder))
            {
                builder = ImmutableArray.CreateBuilder<InteractionEvent>();
                builders.Add(interaction.UserId, builder);
                order.Add(interaction.UserId);
            }

            builder.Add(interaction);
        }

        var groups = new List<(string, ImmutableArray<InteractionEvent>)>(order.Count);
        foreach (var userId in order)
        {
            groups.Add((userId, builders[userId].ToImmutable()));
        }

        return groups;
    }
}
