using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Client;

/// <summary>Argument checks that turn the engine's input rules into the exceptions .NET callers expect.</summary>
internal static class Guard
{
    public static void Id(string? id, string field, string paramName)
    {
        ArgumentNullException.ThrowIfNull(id, paramName);
        EventRules.ThrowIfInvalid(EventRules.CheckId(id, field), paramName);
    }

    public static void Count(int count, string paramName) =>
        EventRules.ThrowIfInvalid(EventRules.CheckCount(count), paramName);

    public static void Event(InteractionEvent? interaction, string paramName)
    {
        ArgumentNullException.ThrowIfNull(interaction, paramName);
        EventRules.ThrowIfInvalid(EventRules.Check(interaction, "event"), paramName);
    }

    public static void Batch(IReadOnlyList<InteractionEvent>? interactions, string paramName)
    {
        ArgumentNullException.ThrowIfNull(interactions, paramName);
        EventRules.ThrowIfInvalid(EventRules.CheckBatch(interactions), paramName);
    }

    public static void Metadata(ItemMetadata? metadata, string paramName)
    {
        ArgumentNullException.ThrowIfNull(metadata, paramName);
        EventRules.ThrowIfInvalid(CatalogRules.CheckMetadata(metadata), paramName);
    }
}
