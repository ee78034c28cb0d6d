using AIaaS.Grains.Items;

namespace AIaaS.Grains.UnitTests;

public sealed class DecayedScoreTests
{
    private static readonly TimeSpan HalfLife = TimeSpan.FromHours(1);
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_OneHalfLifeLater_HalvesTheOldValue()
    {
        var score = default(DecayedScore).Add(4, T0, HalfLife).Add(1, T0 + HalfLife, HalfLife);

        Assert.Equal(3, score.Value, 9);
        Assert.Equal(T0 + HalfLife, score.At);
    }

    [Fact]
    public void Add_EventOlderThanReference_DecaysTheEventInstead()
    {
        var score = default(DecayedScore).Add(1, T0 + HalfLife, HalfLife).Add(2, T0, HalfLife);

        Assert.Equal(2, score.Value, 9);
        Assert.Equal(T0 + HalfLife, score.At);
    }

    [Fact]
    public void LogScore_SameDecayedValueAtDifferentTimes_Equal()
    {
        var early = default(DecayedScore).Add(2, T0, HalfLife);
        var late = default(DecayedScore).Add(1, T0 + HalfLife, HalfLife);

        Assert.Equal(early.LogScore(HalfLife), late.LogScore(HalfLife), tolerance: 1e-6);
    }
}
