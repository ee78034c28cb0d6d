using System.Net;
using AIaaS.Silo.Serving;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AIaaS.Silo.IntegrationTests;

public sealed class ServingWarmUpTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5180", "http://127.0.0.1:5180/")]
    [InlineData("http://[::]:8080", "http://[::1]:8080/")]
    [InlineData("http://0.0.0.0:80", "http://127.0.0.1/")]
    [InlineData("http://+:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://*:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000/", "http://localhost:5000/")]
    public void From_PlainHttpAddress_IsReachedOnTheLoopback(string listening, string expected) =>
        Assert.Equal(new Uri(expected), WarmUpAddress.From([listening]));

    [Fact]
    public void From_HttpsFirst_TakesThePlainHttpAddressAfterIt() =>
        Assert.Equal(new Uri("http://127.0.0.1:5001/"), WarmUpAddress.From(["https://0.0.0.0:5443", "http://0.0.0.0:5001"]));

    [Fact]
    public void From_NoPlainHttpAddress_IsNull()
    {
        Assert.Null(WarmUpAddress.From([]));
        Assert.Null(WarmUpAddress.From(["https://127.0.0.1:5443"]));
    }

    [Fact]
    public async Task Ready_OnKestrel_AfterTheWarmUpHasAskedAndWrittenNothing()
    {
        await using var factory = new KestrelSiloFactory();
        using var http = factory.CreateClient();

        await WaitReadyAsync(http);

        var warmUp = factory.Services.GetRequiredService<ServingWarmUp>();
        Assert.True(warmUp.IsComplete);
        // No model yet: the users' recommendations only, no session to score.
        Assert.Equal(ServingWarmUp.Rounds, warmUp.Requests);
        Assert.Equal(warmUp.Requests, warmUp.Answered);
        var stats = await Json.ReadAsync(await http.GetAsync("/v1/stats"));
        Assert.Equal(0, stats.GetProperty("events").GetInt64());
        Assert.Equal(0, stats.GetProperty("users").GetInt64());
        var profile = await Json.ReadAsync(await http.GetAsync($"/v1/users/{ServingWarmUp.UserPrefix}0"));
        Assert.Equal(0, profile.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task Ready_WithAModel_AfterTheWarmUpScoredSessionsToo()
    {
        var data = Directory.CreateTempSubdirectory("aiaas-warm-up-").FullName;
        try
        {
            await using (var first = new DataPathSiloFactory(data))
            {
                using var http = first.CreateClient();
                await WaitReadyAsync(http);
                await http.PostAsync("/v1/events", Json.Body(Json.Events(("u1", "film-1", "play"), ("u1", "film-2", "like"), ("u2", "film-2", "play"))));
                await TrainAsync(http);
            }

            await using var second = new DataPathSiloFactory(data);
            using var again = second.CreateClient();
            await WaitReadyAsync(again);

            var warmUp = second.Services.GetRequiredService<ServingWarmUp>();
            Assert.Equal(2 * ServingWarmUp.Rounds, warmUp.Requests);
            Assert.Equal(warmUp.Requests, warmUp.Answered);
            Assert.Equal(3, (await Json.ReadAsync(await again.GetAsync("/v1/stats"))).GetProperty("events").GetInt64());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Ready_WarmUpOff_SendsNothing()
    {
        await using var factory = new WarmUpOffSiloFactory();
        using var http = factory.CreateClient();

        await WaitReadyAsync(http);

        Assert.Equal(0, factory.Services.GetRequiredService<ServingWarmUp>().Requests);
    }

    [Fact]
    public async Task Ready_OnTestServer_SkipsTheWarmUp()
    {
        await using var factory = new SiloFactory();
        using var http = factory.CreateClient();

        await WaitReadyAsync(http);

        Assert.Equal(0, factory.Services.GetRequiredService<ServingWarmUp>().Requests);
    }

    private static async Task WaitReadyAsync(HttpClient http)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await http.GetAsync("/health/ready", timeout.Token)).StatusCode != HttpStatusCode.OK)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static async Task TrainAsync(HttpClient http)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/v1/model/retrain", null)).StatusCode);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        System.Text.Json.JsonElement model;
        do
        {
            await Task.Delay(50, timeout.Token);
            model = await Json.ReadAsync(await http.GetAsync("/v1/model", timeout.Token));
        }
        while (model.GetProperty("training").GetBoolean() || model.GetProperty("version").ValueKind != System.Text.Json.JsonValueKind.Number);
    }

    private sealed class WarmUpOffSiloFactory : KestrelSiloFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("AIaaS:Api:WarmUpSeconds", "0");
        }
    }

    /// <summary>A silo on Kestrel whose data folder outlives it, for a second silo to start on.</summary>
    private sealed class DataPathSiloFactory(string dataPath) : KestrelSiloFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("AIaaS:DataPath", dataPath);
        }
    }
}
