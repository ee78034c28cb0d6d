namespace AIaaS.Engine.UnitTests;

public class SplitMix64Tests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(131_072)]
    public void Skip_EqualsThatManyCalls(int count)
    {
        var serial = new SplitMix64(42);
        for (int i = 0; i < count; i++) serial.Next();

        var skipped = new SplitMix64(42).Skip(count);

        Assert.Equal(serial.Next(), skipped.Next());
    }

    [Fact]
    public void NextGaussian_ConsumesTwoCalls()
    {
        var random = new SplitMix64(7);
        random.NextGaussian();

        Assert.Equal(new SplitMix64(7).Skip(2).Next(), random.Next());
    }
}
