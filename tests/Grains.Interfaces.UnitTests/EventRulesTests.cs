using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Interfaces.UnitTests;

public sealed class EventRulesTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    public static TheoryData<InteractionEvent, string> BadEvents() => new()
    {
        { new("", "i", EventType.Play, null, At), "events[0].userId" },
        { new("u", new string('x', 257), EventType.Play, null, At), "events[0].itemId" },
        { new("u", "i", (EventType)99, null, At), "events[0].type" },
        { new("u", "i", EventType.Play, float.NaN, At), "events[0].value" },
        { new("u", "i", EventType.Play, float.PositiveInfinity, At), "events[0].value" },
        { new("u", "i", EventType.Rating, 5.5f, At), "events[0].value" },
        { new("u", "i", EventType.Rating, null, At), "events[0].value" },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public void CheckBatch_BadEvent_NamesTheField(InteractionEvent bad, string field)
    {
        var problem = EventRules.CheckBatch([bad]);

        Assert.NotNull(problem);
        Assert.StartsWith(field, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckBatch_ValidEvents_NoProblem()
    {
        var events = new InteractionEvent[]
        {
            new("u", "i", EventType.Play, null, At),
            new("u", "i", EventType.Rating, 1f, At),
            new("u", new string('x', 256), EventType.Skip, -1f, At),
        };

        Assert.Null(EventRules.CheckBatch(events));
    }

    [Fact]
    public void CheckBatch_OverTenThousand_Rejected()
    {
        var events = Enumerable.Repeat(new InteractionEvent("u", "i", EventType.Play, null, At), EventRules.MaxBatchSize + 1).ToList();

        Assert.Contains("at most 10000", EventRules.CheckBatch(events), StringComparison.Ordinal);
        Assert.Null(EventRules.CheckBatch(events.GetRange(0, EventRules.MaxBatchSize)));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void CheckCount_Bounds(int count, bool valid) => Assert.Equal(valid, EventRules.CheckCount(count) is null);
}
