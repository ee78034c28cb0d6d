using AIaaS.Engine.Factorization;
using AIaaS.Grains.Options;

namespace AIaaS.Grains.UnitTests;

/// <summary>The configuration that picks the served model's ALS variant and the default diversity is checked at start.</summary>
public sealed class TrainingAndRankingOptionsTests
{
    [Fact]
    public void ToAlsOptions_CarriesConfidenceAndRegularizationExponent()
    {
        var options = new RetrainingOptions { Confidence = ConfidenceScaling.Logarithmic, Alpha = 2, Regularization = 3, RegularizationExponent = 0.5f }.ToAlsOptions();

        Assert.Equal(ConfidenceScaling.Logarithmic, options.Confidence);
        Assert.Equal(0.5f, options.RegularizationExponent);
        Assert.Equal(3f, options.Regularization);
    }

    [Theory]
    [InlineData(2.5f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    public void RetrainingValidator_RegularizationExponentOutOfRange_FailsNamingTheKey(float exponent)
    {
        var result = new RetrainingOptionsValidator().Validate(null, new RetrainingOptions { RegularizationExponent = exponent });

        Assert.True(result.Failed);
        Assert.Contains("AIaaS:Retraining:RegularizationExponent", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void RetrainingValidator_UnknownConfidence_FailsNamingTheKey()
    {
        var result = new RetrainingOptionsValidator().Validate(null, new RetrainingOptions { Confidence = (ConfidenceScaling)9 });

        Assert.Contains("AIaaS:Retraining:Confidence", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0f, true)]
    [InlineData(1f, true)]
    [InlineData(1.01f, false)]
    [InlineData(-0.1f, false)]
    public void RecommendationValidator_DiversityOutsideZeroToOne_Fails(float diversity, bool valid)
    {
        var result = new RecommendationOptionsValidator().Validate(null, new RecommendationOptions { Diversity = diversity });

        Assert.Equal(valid, result.Succeeded);
        if (!valid) Assert.Contains("AIaaS:Recommendations:Diversity", result.FailureMessage, StringComparison.Ordinal);
    }
}
