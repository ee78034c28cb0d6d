using AIaaS.Engine.Evaluation;

namespace AIaaS.Engine.UnitTests.Evaluation;

public class RatingMetricsTests
{
    [Fact]
    public void Rmse_ErrorsOneZeroTwo_IsRootOfFiveThirds() =>
        Assert.Equal(Math.Sqrt(5.0 / 3), RatingMetrics.Rmse([1f, 2f, 3f], [2f, 2f, 5f]), 12);

    [Fact]
    public void Mae_ErrorsOneZeroTwo_IsOne() =>
        Assert.Equal(1.0, RatingMetrics.Mae([1f, 2f, 3f], [2f, 2f, 5f]), 12);

    [Fact]
    public void Rmse_LengthMismatch_Throws() =>
        Assert.Throws<ArgumentException>(() => RatingMetrics.Rmse([1f], [1f, 2f]));
}
