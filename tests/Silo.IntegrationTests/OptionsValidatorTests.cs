using AIaaS.Silo.Options;

namespace AIaaS.Silo.IntegrationTests;

public sealed class OptionsValidatorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ApiOptionsValidator_LimitBelowOneByte_FailsNamingTheKey(long limit)
    {
        var result = new ApiOptionsValidator().Validate(null, new ApiOptions { MaxRequestBodyBytes = limit });

        Assert.True(result.Failed);
        Assert.Equal($"AIaaS:Api:MaxRequestBodyBytes must be at least 1 (was {limit}).", result.FailureMessage);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(301)]
    public void ApiOptionsValidator_WarmUpOutOfRange_FailsNamingTheKey(int seconds)
    {
        var result = new ApiOptionsValidator().Validate(null, new ApiOptions { WarmUpSeconds = seconds });

        Assert.True(result.Failed);
        Assert.Equal($"AIaaS:Api:WarmUpSeconds must be between 0 and 300 (was {seconds}).", result.FailureMessage);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:00.5")]
    [InlineData("-00:00:10")]
    public void ShutdownOptionsValidator_TimeoutUnderOneSecond_FailsNamingTheKey(string timeout)
    {
        var result = new ShutdownOptionsValidator().Validate(null, new ShutdownOptions { ShutdownTimeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(result.Failed);
        Assert.StartsWith("AIaaS:Host:ShutdownTimeout must be at least 00:00:01", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new ApiOptionsValidator().Validate(null, new ApiOptions()).Succeeded);
        Assert.True(new ShutdownOptionsValidator().Validate(null, new ShutdownOptions()).Succeeded);
    }
}
