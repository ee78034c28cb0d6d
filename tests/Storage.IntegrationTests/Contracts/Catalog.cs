using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Storage;

namespace AIaaS.Storage.IntegrationTests.Contracts;

/// <summary>Item metadata for the catalog contract, and the comparisons it needs (an ImmutableArray compares by reference).</summary>
internal static class Catalog
{
    public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 22, 18, 0, 0, TimeSpan.FromHours(-3.5)).AddTicks(7_654_321);

    /// <summary>Every field set, windows to the tick on an offset other than UTC.</summary>
    public static ItemMetadata Full(string title) =>
        new(title, ["sport", "fußball ⚽"], Start, Start.AddHours(2).AddTicks(1), ["live", "news/world"], Hidden: true, Start.AddDays(-1), Start.AddDays(30).ToOffset(TimeSpan.FromHours(9)));

    /// <summary>Nothing but a title: unset lists and no windows.</summary>
    public static ItemMetadata Bare(string title) => new(title, default, null, null);

    /// <summary>Asserts that <paramref name="actual"/> holds what <paramref name="expected"/> did, an unset list read back as an empty one.</summary>
    public static void AssertSame(ItemMetadata expected, ItemMetadata? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Title, actual.Title);
        AssertSame(expected.Tags, actual.Tags);
        AssertSame(expected.Categories, actual.Categories);
        Assert.Equal(expected.Hidden, actual.Hidden);
        AssertSame(expected.LiveFrom, actual.LiveFrom);
        AssertSame(expected.LiveUntil, actual.LiveUntil);
        AssertSame(expected.AvailableFrom, actual.AvailableFrom);
        AssertSame(expected.AvailableUntil, actual.AvailableUntil);
    }

    /// <summary>The entries as (revision, item, title or null for a tombstone): what a page is compared by.</summary>
    public static IEnumerable<(long Revision, string ItemId, string? Title)> Rows(IEnumerable<CatalogEntry> entries) =>
        entries.Select(e => (e.Revision, e.ItemId, e.Metadata?.Title));

    private static void AssertSame(ImmutableArray<string> expected, ImmutableArray<string> actual)
    {
        Assert.False(actual.IsDefault, "a list read back is never unset");
        Assert.Equal(expected.IsDefault ? [] : expected.ToArray(), actual.ToArray());
    }

    private static void AssertSame(DateTimeOffset? expected, DateTimeOffset? actual)
    {
        Assert.Equal(expected?.UtcTicks, actual?.UtcTicks);
        Assert.Equal(expected?.Offset, actual?.Offset);
    }
}
