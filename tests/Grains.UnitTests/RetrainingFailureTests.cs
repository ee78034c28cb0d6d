using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Models;
using AIaaS.Grains.Options;
using AIaaS.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AIaaS.Grains.UnitTests;

/// <summary>Failed trainings: the current model keeps serving, automatic retraining backs off, a version number is never used twice, old versions are deleted.</summary>
public sealed class RetrainingFailureTests : IAsyncLifetime
{
    private SqliteModelsCluster<FaultyModelStore> _silo = null!;

    public async Task InitializeAsync()
    {
        _silo = await SqliteModelsCluster<FaultyModelStore>.StartAsync(store => new FaultyModelStore(store), services =>
        {
            services.Configure<EngineOptions>(o => o.ModelRefreshInterval = TimeSpan.FromHours(1));
            services.Configure<RetrainingOptions>(o =>
            {
                o.Factors = 4;
                o.Iterations = 2;
                o.Threads = 1;
                o.ThresholdCheckInterval = TimeSpan.FromHours(1);
                o.FailureBackoff = TimeSpan.FromHours(1);
                o.MaxFailureBackoff = TimeSpan.FromHours(4);
                o.Retain = 2;
            });
        });
        await Cluster.Client.GetGrain<IIngestGrain>(0).IngestAsync([.. Enumerable.Range(0, 6).SelectMany(u => Events.Plays($"r{u}", "x", "y", $"z{u % 3}"))]);
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private InProcessTestCluster Cluster => _silo.Cluster;

    private FaultyModelStore Store => _silo.Models;

    private IRetrainingGrain Retraining => Cluster.Client.GetGrain<IRetrainingGrain>(0);

    [Fact]
    public async Task Train_SaveFails_KeepsServingWithTheErrorAndAutomaticTriggersBackOff()
    {
        Assert.Null((await TestClusters.TrainAsync(Cluster.Client)).LastError);
        Store.FailSaves(1);

        var failed = await TestClusters.TrainAsync(Cluster.Client);

        Assert.Equal(1, failed.Version);
        Assert.Contains("injected", failed.LastError, StringComparison.Ordinal);
        Assert.False(await Retraining.TriggerAsync("threshold"));
        Assert.False(await Retraining.TriggerAsync("reminder"));
        var recovered = await TestClusters.TrainAsync(Cluster.Client);
        Assert.Null(recovered.LastError);
        Assert.Equal(3, recovered.Version);
    }

    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 120)]
    [InlineData(3, 240)]
    [InlineData(9, 600)]
    public void NextAttempt_FailuresInARow_WaitDoublesUpToTheCap(int failures, int expectedSeconds)
    {
        var options = new RetrainingOptions { FailureBackoff = TimeSpan.FromMinutes(1), MaxFailureBackoff = TimeSpan.FromMinutes(10) };
        var failedAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(failedAt.AddSeconds(expectedSeconds), AIaaS.Grains.Retraining.FailureBackoff.NextAttempt(failedAt, failures, options));
    }

    [Fact]
    public async Task Train_AfterAFailedSave_NeverReusesTheVersionNumberItTook()
    {
        Assert.Equal(1, (await TestClusters.TrainAsync(Cluster.Client)).Version);
        Store.FailSaves(1);
        Assert.NotNull((await TestClusters.TrainAsync(Cluster.Client)).LastError);

        var next = await TestClusters.TrainAsync(Cluster.Client);

        Assert.Equal(3, next.Version);
        var versions = await Store.ListVersionsAsync(CancellationToken.None);
        Assert.Equal(new long[] { 1, 3 }, versions.ToArray());
    }

    [Fact]
    public async Task Train_MoreVersionsThanRetained_OlderOnesDeletedAndTheCurrentKept()
    {
        for (var i = 0; i < 4; i++)
        {
            Assert.Null((await TestClusters.TrainAsync(Cluster.Client)).LastError);
        }

        var versions = await Store.ListVersionsAsync(CancellationToken.None);
        Assert.Equal(new long[] { 3, 4 }, versions.ToArray());
        Assert.Equal(4, (await Store.LoadAsync(4, CancellationToken.None)).Snapshot.Version);
    }
}
