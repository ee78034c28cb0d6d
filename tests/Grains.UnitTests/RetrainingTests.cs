using System.Collections.Immutable;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.UnitTests;

/// <summary>
/// Planted taste clusters: "a" users consume only "a" items and "b" users only "b" items. One test runs
/// the whole story, since each step depends on the model the previous one trained.
/// </summary>
[Collection(RetrainingCollection.Name)]
public sealed class RetrainingTests(RetrainingFixture fixture)
{
    private const int ItemsPerCluster = 12;

    // This test follows the model's order; the default diversity re-ranking is measured in docs/benchmarks.md.
    private static readonly RecommendationRequest ModelOrder = new(5, [], Diversity: 0f);

    [Fact]
    public async Task Retrain_PlantedClusters_ServesModelThatFollowsEachNewEvent()
    {
        var random = new Random(42);
        var events = new List<InteractionEvent>();
        foreach (var cluster in new[] { "a", "b" })
        {
            for (var u = 0; u < 30; u++)
            {
                foreach (var item in Enumerable.Range(0, ItemsPerCluster).OrderBy(_ => random.Next()).Take(8))
                {
                    events.Add(Events.Play($"{cluster}-user-{u}", $"{cluster}{item}"));
                }
            }
        }

        await fixture.Client.GetGrain<IIngestGrain>(0).IngestAsync([.. events]);
        var previous = (await fixture.Client.GetGrain<IRetrainingGrain>(0).GetStatusAsync()).Version ?? 0;

        var status = await fixture.RetrainAsync();
        Assert.Null(status.LastError);
        Assert.Equal(previous + 1, status.Version);
        Assert.Equal(2 * ItemsPerCluster, status.Items);

        // A newcomer who watched three "a" items gets "a" items, explained by what they watched.
        var user = fixture.Client.GetGrain<IUserGrain>("newcomer");
        await user.TrackAsync(Events.Plays("newcomer", "a0", "a1", "a2"));
        var first = await user.RecommendAsync(ModelOrder);
        Assert.Equal(status.Version, first.ModelVersion);
        Assert.True(first.Items.Count(i => i.ItemId.StartsWith('a')) >= 4, string.Join(",", first.Items.Select(i => i.ItemId)));
        Assert.All(first.Items.Where(i => i.ItemId.StartsWith('a')), i => Assert.StartsWith("because you watched a", i.Reason, StringComparison.Ordinal));
        Assert.DoesNotContain(first.Items, i => i.ItemId is "a0" or "a1" or "a2");

        // Asked for the most diverse list, the same newcomer keeps the best item first and then gets "b" items too.
        var diverse = await user.RecommendAsync(new RecommendationRequest(5, [], Diversity: 1f));
        Assert.Equal(first.Items[0].ItemId, diverse.Items[0].ItemId);
        Assert.True(diverse.Items.Count(i => i.ItemId.StartsWith('b')) > first.Items.Count(i => i.ItemId.StartsWith('b')),
            $"{string.Join(",", first.Items.Select(i => i.ItemId))} then {string.Join(",", diverse.Items.Select(i => i.ItemId))}");

        // Their next request follows their newest events, without a retraining.
        await user.TrackAsync(Events.Plays("newcomer", [.. Enumerable.Range(0, 8).Select(i => $"b{i}")]));
        var second = await user.RecommendAsync(ModelOrder);
        Assert.Equal(status.Version, second.ModelVersion);
        var before = first.Items.Count(i => i.ItemId.StartsWith('b'));
        var after = second.Items.Count(i => i.ItemId.StartsWith('b'));
        Assert.True(after >= 2 && after > before, $"{string.Join(",", first.Items.Select(i => i.ItemId))} then {string.Join(",", second.Items.Select(i => i.ItemId))}");

        // A new item three "a" users consumed gets a vector and is recommended, as "new", before any retraining.
        for (var u = 0; u < 3; u++)
        {
            await fixture.Client.GetGrain<IUserGrain>($"a-user-{u}").TrackAsync([Events.Play($"a-user-{u}", "a-premiere")]);
        }

        await fixture.RefreshCatalogAsync();
        var fan = fixture.Client.GetGrain<IUserGrain>("a-user-10");
        var withNew = await fan.RecommendAsync(RecommendationRequest.Top(20));
        Assert.Contains(withNew.Items, i => i.ItemId == "a-premiere" && i.Reason == "new");

        // A live item is boosted inside its window; one whose window ended is never recommended.
        var now = DateTimeOffset.UtcNow;
        var live = withNew.Items.Last(i => i.ItemId.StartsWith('a') && i.ItemId != "a-premiere").ItemId;
        var ended = withNew.Items.First(i => i.ItemId.StartsWith('a') && i.ItemId != "a-premiere" && i.ItemId != live).ItemId;
        await fixture.Client.GetGrain<IItemGrain>(live).UpsertAsync(new ItemMetadata("match", [], now.AddHours(-1), now.AddHours(1)));
        await fixture.Client.GetGrain<IItemGrain>(ended).UpsertAsync(new ItemMetadata("old match", [], now.AddHours(-3), now.AddHours(-2)));
        await fixture.RefreshCatalogAsync();
        var boosted = await fan.RecommendAsync(RecommendationRequest.Top(20));
        var liveItem = Assert.Single(boosted.Items, i => i.ItemId == live);
        Assert.Equal("live now", liveItem.Reason);
        Assert.True(liveItem.Score > withNew.Items.Single(i => i.ItemId == live).Score);
        Assert.DoesNotContain(boosted.Items, i => i.ItemId == ended);
    }

    [Fact]
    public async Task Retrain_UnderConcurrentIngest_LosesNoEventAndFailsNoCall()
    {
        var ingest = fixture.Client.GetGrain<IIngestGrain>(0);
        ImmutableArray<InteractionEvent> Batch(int batch) => [.. Enumerable.Range(0, 25).Select(i => Events.Play($"load-{i}", $"a{(batch + i) % ItemsPerCluster}"))];

        // One batch first, so that the training has data even when another test of this cluster erased the log.
        var acknowledged = (await ingest.IngestAsync(Batch(0))).Accepted;
        var ingesting = Task.Run(async () =>
        {
            for (var batch = 1; batch < 40; batch++)
            {
                acknowledged += (await ingest.IngestAsync(Batch(batch))).Accepted;
            }
        });

        var status = await fixture.RetrainAsync();
        await ingesting;

        Assert.Null(status.LastError);
        var logged = await TestClusters.LogStore(fixture.Cluster).CountEventsAsync(CancellationToken.None);

        Assert.Equal(1000, acknowledged);
        Assert.True(logged >= acknowledged);
        var count = await fixture.Client.GetGrain<IUserGrain>("load-3").GetProfileAsync();
        Assert.Equal(40, count.CountsByType[EventType.Play]);
    }

    [Fact]
    public async Task Retrain_NothingToTrainOn_KeepsServingTheCurrentModelAndReportsTheError()
    {
        var before = await fixture.Client.GetGrain<IRetrainingGrain>(0).GetStatusAsync();
        var grain = fixture.Client.GetGrain<IRetrainingGrain>(0);

        // Erase every user of the log: a training now has nothing to train on and must fail.
        for (var p = 0; p < 4; p++)
        {
            var users = new HashSet<string>();
            foreach (var e in await TestClusters.ReadPartitionAsync(TestClusters.LogStore(fixture.Cluster), p, 100_000))
            {
                users.Add(e.UserId);
            }

            foreach (var u in users)
            {
                await fixture.Client.GetGrain<IUserGrain>(u).ForgetAsync();
            }
        }

        var after = await fixture.RetrainAsync();

        Assert.NotNull(after.LastError);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Version, await grain.GetCurrentVersionAsync());
    }

    [Fact]
    public async Task Retrain_AfterEarlierTraining_ReadsOnlyNewEventsAndDropsAForgottenUserWithoutReReading()
    {
        var ingest = fixture.Client.GetGrain<IIngestGrain>(0);
        await ingest.IngestAsync([.. Enumerable.Range(0, 20).SelectMany(u => Events.Plays($"inc-{u}", $"a{u % ItemsPerCluster}", $"b{u % ItemsPerCluster}"))]);
        var first = await fixture.RetrainAsync();
        Assert.Null(first.LastError);

        await ingest.IngestAsync([.. Enumerable.Range(0, 10).SelectMany(u => Events.Plays($"inc-new-{u}", $"a{u}", $"a{u + 1}", $"b{u}"))]);
        var second = await fixture.RetrainAsync();

        Assert.Null(second.LastError);
        Assert.Equal(30, second.Metrics["readEvents"]);
        Assert.Equal(first.Metrics["events"] + 30, second.Metrics["events"]);

        await fixture.Client.GetGrain<IUserGrain>("inc-new-0").ForgetAsync();
        var third = await fixture.RetrainAsync();

        Assert.Null(third.LastError);
        Assert.Equal(second.Metrics["events"] - 3, third.Metrics["events"]);
        Assert.Equal(0, third.Metrics["readEvents"]);
    }
}
