using AIaaS.Silo.Options;

namespace AIaaS.Silo.IntegrationTests;

public sealed class ApiOptionsValidatorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_LimitBelowOneByte_FailsNamingTheKey(long limit)
    {
        var result = new ApiOptionsValidator().Validate(null, new ApiOptions { MaxRequestBodyBytes = limit });

        Assert.True(result.Failed);
        Assert.Equal($"AIaaS:Api:MaxRequestBodyBytes must be at least 1 (was {limit}).", result.FailureMessage);
    }

    [Fact]
    public void Validate_DefaultLimit_Succeeds()
    {
        Assert.True(new ApiOptionsValidator().Validate(null, new ApiOptions()).Succeeded);
    }
}
