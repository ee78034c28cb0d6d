using AIaaS.Engine.Data;
using AIaaS.Engine.Evaluation;
using AIaaS.Engine.Factorization;

namespace AIaaS.Engine.UnitTests.Factorization;

public class MfTrainerTests
{
    [Fact]
    public void Fit_PlantedRatings_BeatsGlobalMeanOnHeldOutRatings()
    {
        var (rmse, baseline) = PlantedRatingsRmse.Of(new MfTrainer(new MfOptions { Factors = 8, Epochs = 20 }).Fit);

        Assert.True(rmse < 0.85 * baseline, $"MF RMSE {rmse:F4} vs global mean {baseline:F4}");
    }

    [Theory]
    [InlineData(0, 0.01f, 0.05f, 10, "Factors")]
    [InlineData(8, 0f, 0.05f, 10, "LearningRate")]
    [InlineData(8, 0.01f, -1f, 10, "Regularization")]
    [InlineData(8, 0.01f, 0.05f, 0, "Epochs")]
    public void Constructor_InvalidOption_ThrowsArgumentExceptionNamingIt(int factors, float rate, float reg, int epochs, string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new MfTrainer(factors, rate, reg, epochs));

        Assert.Contains("MfOptions." + name, e.Message);
    }
}
