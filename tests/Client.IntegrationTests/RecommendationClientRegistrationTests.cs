using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace AIaaS.Client.IntegrationTests;

/// <summary>The AddRecommendationClient entry points: defaults, binding, validation at start and idempotence.</summary>
public sealed class RecommendationClientRegistrationTests
{
    [Fact]
    public void AddRecommendationClient_Defaults_ReachTheAiaasClusterOnTheLocalGateway()
    {
        using var provider = new ServiceCollection().AddRecommendationClient().BuildServiceProvider();

        var cluster = provider.GetRequiredService<IOptions<ClusterOptions>>().Value;
        var gateways = provider.GetRequiredService<IOptions<StaticGatewayListProviderOptions>>().Value.Gateways;

        Assert.Equal(("aiaas", "aiaas"), (cluster.ClusterId, cluster.ServiceId));
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 30000).ToGatewayUri(), Assert.Single(gateways));
        Assert.IsType<RecommendationClient>(provider.GetRequiredService<IRecommendationClient>());
        Assert.Same(provider.GetRequiredService<EventTracker>(), provider.GetRequiredService<IEventTracker>());
    }

    [Fact]
    public void AddRecommendationClient_CalledTwice_RegistersOnceAndAppliesBothConfigures()
    {
        var services = new ServiceCollection()
            .AddRecommendationClient(o => o.ClusterId = "first")
            .AddRecommendationClient(o => o.ServiceId = "second");
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<RecommendationClientOptions>>().Value;

        Assert.Equal(("first", "second"), (options.ClusterId, options.ServiceId));
        Assert.Single(services, d => d.ServiceType == typeof(IRecommendationClient));
        Assert.Single(services, d => d.ServiceType == typeof(IEventTracker));
        Assert.Single(services, d => d.ImplementationType == typeof(EventTrackerLifetime));
    }

    [Fact]
    public void AddRecommendationClient_HostBuilder_BindsTheConfigurationSectionOnce()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RecommendationClient:Gateways:0"] = "10.1.2.3:31000",
            ["RecommendationClient:ClusterId"] = "prod",
            ["RecommendationClient:Tracker:BatchSize"] = "250",
        });

        builder.AddRecommendationClient(o => o.ServiceId = "svc").AddRecommendationClient();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<RecommendationClientOptions>>().Value;
        Assert.Equal(["10.1.2.3:31000"], options.Gateways);
        Assert.Equal(("prod", "svc", 250), (options.ClusterId, options.ServiceId, options.Tracker.BatchSize));
    }

    [Theory]
    [InlineData("nope", "RecommendationClientOptions.Gateways[0] must be host:port")]
    [InlineData("127.0.0.1:0", "RecommendationClientOptions.Gateways[0] must be host:port")]
    [InlineData("127.0.0.1:70000", "RecommendationClientOptions.Gateways[0] must be host:port")]
    [InlineData(":30000", "RecommendationClientOptions.Gateways[0] must be host:port")]
    public async Task StartAsync_BadGateway_ThrowsOptionsValidationExceptionNamingTheOption(string gateway, string expected) =>
        await AssertStartFailsAsync(o => o.Gateways.Add(gateway), expected);

    [Fact]
    public async Task StartAsync_EmptyClusterId_ThrowsOptionsValidationExceptionNamingTheOption() =>
        await AssertStartFailsAsync(o => o.ClusterId = " ", "RecommendationClientOptions.ClusterId must not be empty");

    [Fact]
    public async Task StartAsync_BadTrackerOption_ThrowsOptionsValidationExceptionNamingTheOption() =>
        await AssertStartFailsAsync(
            o => o.Tracker.FlushInterval = TimeSpan.Zero,
            "RecommendationClientOptions.Tracker.FlushInterval must be positive");

    [Fact]
    public void AddRecommendationClient_NullTarget_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddRecommendationClient());
        Assert.Throws<ArgumentNullException>(() => ((IHostApplicationBuilder)null!).AddRecommendationClient());
    }

    private static async Task AssertStartFailsAsync(Action<RecommendationClientOptions> configure, string expected)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddRecommendationClient(configure);
        using var host = builder.Build();

        var thrown = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, thrown.Message, StringComparison.Ordinal);
    }
}
