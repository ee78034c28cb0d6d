using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Models;
using AIaaS.Grains.Options;
using AIaaS.Grains.Storage;
using AIaaS.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.TestingHost;

namespace AIaaS.Grains.UnitTests;

/// <summary>Failed trainings: the current model keeps serving, automatic retraining backs off, a version number is never used twice, old versions are deleted.</summary>
public sealed class RetrainingFailureTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aiaas-retrain-").FullName;
    private SqliteDatabase _database = null!;
    private FaultyModelStore _models = null!;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _database = SqliteDatabase.Open(_folder);
        _models = new FaultyModelStore(new SqliteModelStore(_database));
        _cluster = await TestClusters.StartAsync(1, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IModelStore>(_models));
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
        await _cluster.Client.GetGrain<IIngestGrain>(0).IngestAsync([.. Enumerable.Range(0, 6).SelectMany(u => Events.Plays($"r{u}", "x", "y", $"z{u % 3}"))]);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private IRetrainingGrain Retraining => _cluster.Client.GetGrain<IRetrainingGrain>(0);

    [Fact]
    public async Task Train_SaveFails_KeepsServingWithTheErrorAndAutomaticTriggersBackOff()
    {
        Assert.Null((await TestClusters.TrainAsync(_cluster.Client)).LastError);
        _models.FailSaves(1);

        var failed = await TestClusters.TrainAsync(_cluster.Client);

        Assert.Equal(1, failed.Version);
        Assert.Contains("injected", failed.LastError, StringComparison.Ordinal);
        Assert.False(await Retraining.TriggerAsync("threshold"));
        Assert.False(await Retraining.TriggerAsync("reminder"));
        var recovered = await TestClusters.TrainAsync(_cluster.Client);
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
        Assert.Equal(1, (await TestClusters.TrainAsync(_cluster.Client)).Version);
        _models.FailSaves(1);
        Assert.NotNull((await TestClusters.TrainAsync(_cluster.Client)).LastError);

        var next = await TestClusters.TrainAsync(_cluster.Client);

        Assert.Equal(3, next.Version);
        var versions = await _models.ListVersionsAsync(CancellationToken.None);
        Assert.Equal(new long[] { 1, 3 }, versions.ToArray());
    }

    [Fact]
    public async Task Train_MoreVersionsThanRetained_OlderOnesDeletedAndTheCurrentKept()
    {
        for (var i = 0; i < 4; i++)
        {
            Assert.Null((await TestClusters.TrainAsync(_cluster.Client)).LastError);
        }

        var versions = await _models.ListVersionsAsync(CancellationToken.None);
        Assert.Equal(new long[] { 3, 4 }, versions.ToArray());
        Assert.Equal(4, (await _models.LoadAsync(4, CancellationToken.None)).Snapshot.Version);
    }
}
