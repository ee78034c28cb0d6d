using System.Collections.Immutable;

namespace AIaaS.Grains.Interfaces.Models;

/// <summary>
/// Which items a request may return: any of <see cref="Categories"/> (when given) and any of <see cref="Tags"/>
/// (when given). Hidden, deleted and unavailable items are left out whatever the filter.
/// </summary>
[GenerateSerializer, Immutable, Alias("AIaaS.ItemFilter")]
public sealed record ItemFilter(
    [property: Id(0)] ImmutableArray<string> Categories,
    [property: Id(1)] ImmutableArray<string> Tags)
{
    /// <summary>No restriction: any eligible item.</summary>
    public static readonly ItemFilter None = new([], []);

    /// <summary>Whether the filter restricts anything beyond eligibility.</summary>
    public bool IsEmpty => Categories.IsDefaultOrEmpty && Tags.IsDefaultOrEmpty;

    /// <summary>Whether an item with this metadata passes (an item with none passes only an empty filter).</summary>
    public bool Matches(ItemMetadata? metadata) =>
        IsEmpty || (metadata is not null && AnyOf(Categories, metadata.Categories) && AnyOf(Tags, metadata.Tags));

    private static bool AnyOf(ImmutableArray<string> wanted, ImmutableArray<string> has)
    {
        if (wanted.IsDefaultOrEmpty)
        {
            return true;
        }

        if (has.IsDefaultOrEmpty)
        {
            return false;
        }

        foreach (var value in wanted)
        {
            if (has.Contains(value, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
