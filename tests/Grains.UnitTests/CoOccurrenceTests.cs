using System.Collections.Immutable;
using AIaaS.Grains.Items;

namespace AIaaS.Grains.UnitTests;

/// <summary>An item's bounded co-occurrence counts: what a trim keeps, and the room the table holds on to.</summary>
public sealed class CoOccurrenceTests
{
    private const int Capacity = 50;

    [Fact]
    public void Count_PastTwiceTheCapacity_KeepsTheMostFrequentCoItems()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        // Items f0..f9 come with every message, so they are the most frequent whatever else arrives.
        for (var message = 0; message < 40; message++)
        {
            var coItems = Enumerable.Range(0, 10).Select(i => $"f{i}").Concat(Enumerable.Range(0, 10).Select(i => $"x{message}-{i}"));
            CoOccurrence.Count(counts, [.. coItems], "self", Capacity);
        }

        Assert.InRange(counts.Count, 1, 2 * Capacity);
        Assert.All(Enumerable.Range(0, 10), i => Assert.Equal(40, counts[$"f{i}"]));
        Assert.DoesNotContain("self", counts.Keys);
    }

    [Fact]
    public void Count_AfterTrims_TableKeepsRoomForTwiceTheCapacityOnly()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var message = 0; message < 200; message++)
        {
            CoOccurrence.Count(counts, [.. Enumerable.Range(0, 7).Select(i => $"i{message}-{i}")], "self", Capacity);
        }

        // Grown by doubling, the table held room for 197 entries (measured) for at most 101 counts; trimmed, the next prime.
        Assert.InRange(counts.Capacity, 2 * Capacity + 1, 2 * Capacity + 10);
    }

    [Fact]
    public void Uncount_TakesBackWhatCountAdded()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        ImmutableArray<string> coItems = ["a", "b"];
        CoOccurrence.Count(counts, coItems, "self", Capacity);
        CoOccurrence.Count(counts, ["a"], "self", Capacity);

        CoOccurrence.Uncount(counts, coItems, "self");

        Assert.Equal(new Dictionary<string, int> { ["a"] = 1 }, counts);
    }
}
