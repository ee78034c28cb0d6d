using System.Collections.Immutable;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Storage;
using AIaaS.Storage.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.TestingHost;

namespace AIaaS.Grains.UnitTests;

/// <summary>
/// What the caller of a failed append may rely on: an append reported failed was either not stored (and is never
/// applied later), or was stored and is recognized by its event ids on the retry, which applies it exactly once.
/// </summary>
public sealed class IngestFaultTests : IAsyncLifetime
{
    private readonly FaultyLogStore _log = new(new MemoryInteractionLogStore());
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await TestClusters.StartAsync(1, services => services.Replace(ServiceDescriptor.Singleton<IInteractionLogStore>(_log)));

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task IngestAsync_AppendFailsBeforeStoring_NothingAppliedAndTheRetryStoresOnce()
    {
        var user = Events.NewId("fault");
        var batch = Batch(user, "a", "b", "c");
        _log.FailBeforeStoring(1);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => Ingest(batch));
        Assert.Empty((await Profile(user)).RecentHistory);
        var retried = await Ingest(batch);

        Assert.Equal(new IngestResult(3, 0), retried);
        Assert.Equal(3, (await Profile(user)).CountsByType[EventType.Play]);
        Assert.Equal(3, (await _log.ReadUserAsync(user, -1, CancellationToken.None)).Length);
    }

    [Fact]
    public async Task IngestAsync_CommitLandedButReportedFailed_RetryCountsDuplicatesAndAppliesOnce()
    {
        var user = Events.NewId("lost-ack");
        var batch = Batch(user, "a", "b");
        _log.FailAfterStoring(1);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => Ingest(batch));
        var retried = await Ingest(batch);

        Assert.Equal(new IngestResult(0, 2), retried);
        var profile = await Profile(user);
        Assert.Equal(2, profile.CountsByType[EventType.Play]);
        Assert.Equal(["a", "b"], profile.RecentHistory.Select(e => e.ItemId));
    }

    private Task<IngestResult> Ingest(ImmutableArray<InteractionEvent> batch) => _cluster.Client.GetGrain<IIngestGrain>(0).IngestAsync(batch).AsTask();

    private Task<UserProfile> Profile(string user) => _cluster.Client.GetGrain<IUserGrain>(user).GetProfileAsync().AsTask();

    private static ImmutableArray<InteractionEvent> Batch(string user, params string[] items) =>
        [.. Events.Plays(user, items).Select((e, i) => e with { EventId = $"{user}-{i}" })];
}
