using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using Microsoft.Extensions.DependencyInjection;
using AIaaS.Grains.Storage;
using AIaaS.Storage;
using AIaaS.Storage.Memory;
using Orleans.TestingHost;

namespace AIaaS.Grains.UnitTests;

/// <summary>In-process clusters as the grain tests use them, and the waits on them.</summary>
internal static class TestClusters
{
    /// <summary>Starts <paramref name="silos"/> silos with in-memory storage and reminders and the engine; <paramref name="configure"/> sets a test's options.</summary>
    public static async Task<InProcessTestCluster> StartAsync(short silos, Action<IServiceCollection> configure)
    {
        var builder = new InProcessTestClusterBuilder(silos);

        // One log and one catalog for every silo of the cluster, as one database would be.
        var log = new MemoryInteractionLogStore();
        var catalog = new MemoryItemCatalogStore();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorageAsDefault();
            silo.UseInMemoryReminderService();
            silo.AddMemoryEngineStorage(log, catalog);
            silo.AddRecommendationEngine();
            configure(silo.Services);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>
    /// One silo for tests that train: timers that would publish or train on their own pushed out of the way, and a small,
    /// quick factorization.
    /// </summary>
    public static Task<InProcessTestCluster> StartTrainingAsync(int logPartitions) =>
        StartAsync(1, services =>
        {
            services.Configure<Options.EngineOptions>(o =>
            {
                o.LogPartitions = logPartitions;
                o.TrendingPublishInterval = TimeSpan.FromHours(1);
                o.ModelRefreshInterval = TimeSpan.FromHours(1);
            });
            services.Configure<Options.RetrainingOptions>(QuickTraining);
        });

    /// <summary>A small, quick factorization whose factors stay well away from zero on a few dozen users, and no threshold trainings.</summary>
    public static void QuickTraining(Options.RetrainingOptions o)
    {
        o.Factors = 8;
        o.Iterations = 10;
        o.Regularization = 0.5f;
        o.Alpha = 10;
        o.Threads = 1;
        o.ThresholdCheckInterval = TimeSpan.FromHours(1);
    }

    /// <summary>The cluster's interaction log store.</summary>
    public static IInteractionLogStore LogStore(InProcessTestCluster cluster) =>
        cluster.Silos[0].ServiceProvider.GetRequiredService<IInteractionLogStore>();

    /// <summary>Every stored row of the partition, in order, read in pages of <paramref name="pageSize"/> as a training reads them.</summary>
    public static async Task<List<StoredRow>> ReadPartitionAsync(IInteractionLogStore log, int partition, int pageSize)
    {
        var rows = new StoredRows();
        var after = -1L;
        while (true)
        {
            var page = await log.ReadRowsAsync(partition, after, pageSize, rows, CancellationToken.None);
            if (page.IsEnd)
            {
                return rows.All;
            }

            after = page.LastSequence;
        }
    }

    /// <summary>A row of a partition read.</summary>
    public sealed record StoredRow(long Sequence, string UserId, string ItemId);

    private sealed class StoredRows : ILogRowSink
    {
        public List<StoredRow> All { get; } = [];

        public void Add(long sequence, ReadOnlySpan<char> userId, ReadOnlySpan<char> itemId, EventType type, float? value) =>
            All.Add(new StoredRow(sequence, userId.ToString(), itemId.ToString()));
    }

    /// <summary>Starts a training and waits for it to end (bounded).</summary>
    public static async Task<ModelStatus> TrainAsync(IGrainFactory grains)
    {
        var grain = grains.GetGrain<IRetrainingGrain>(0);
        Assert.True(await grain.TriggerAsync("test"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        ModelStatus status;
        while ((status = await grain.GetStatusAsync()).Training)
        {
            await Task.Delay(20, timeout.Token);
        }

        return status;
    }
}
