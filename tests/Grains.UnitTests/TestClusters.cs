using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AIaaS.Grains.UnitTests;

/// <summary>In-process clusters as the grain tests use them, and the waits on them.</summary>
internal static class TestClusters
{
    /// <summary>Starts <paramref name="silos"/> silos with in-memory storage and reminders and the engine; <paramref name="configure"/> sets a test's options.</summary>
    public static async Task<InProcessTestCluster> StartAsync(short silos, Action<IServiceCollection> configure)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorageAsDefault();
            silo.UseInMemoryReminderService();
            silo.AddRecommendationEngine();
            configure(silo.Services);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
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
