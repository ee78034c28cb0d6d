using AIaaS.Client.IntegrationTests.Fakes;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Client.IntegrationTests;

/// <summary>The client against the real grains on an in-process cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed partial class RecommendationClientClusterTests(ClusterFixture fixture)
{
    private IRecommendationClient Client => fixture.Client;

    [Fact]
    public async Task TrackAsync_BatchOfSeveralUsers_AppliesEachUsersEvents()
    {
        var (u1, u2) = (Events.NewId("u"), Events.NewId("u"));
        InteractionEvent[] batch = [Events.Play(u1, "a", 1), Events.Play(u2, "b", 2), Events.Play(u1, "c", 3)];

        var accepted = await Client.TrackAsync(batch);

        Assert.Equal(3, accepted);
        Assert.Equal(["a", "c"], await HistoryAsync(u1));
        Assert.Equal(["b"], await HistoryAsync(u2));
    }

    [Fact]
    public async Task TrackAsync_OneEvent_IsAcknowledged()
    {
        var user = Events.NewId("u");

        Assert.Equal(1, await Client.TrackAsync(Events.Play(user, "a")));

        Assert.Equal(["a"], await HistoryAsync(user));
    }

    [Fact]
    public async Task RecommendAsync_AfterTrack_NeverReturnsTheTrackedItem()
    {
        var hot = await fixture.HotItemAsync(minute: 100_000);
        var user = Events.NewId("u");
        var before = await Client.RecommendAsync(user, 1000);
        Assert.Contains(before.Items, item => item.ItemId == hot);

        await Client.TrackAsync(Events.Play(user, hot));
        var after = await Client.RecommendAsync(user, 1000);

        Assert.Equal(user, after.UserId);
        Assert.DoesNotContain(after.Items, item => item.ItemId == hot);
    }

    [Fact]
    public async Task RecommendAsync_ExcludedItem_IsLeftOut()
    {
        var hot = await fixture.HotItemAsync(minute: 200_000);
        var user = Events.NewId("u");
        // Without the exclusion the item is recommended, so its absence below is the exclusion's doing.
        var unexcluded = await Client.RecommendAsync(user, 1000);
        Assert.Contains(unexcluded.Items, item => item.ItemId == hot);

        var result = await Client.RecommendAsync(user, 1000, [hot]);

        Assert.DoesNotContain(result.Items, item => item.ItemId == hot);
        Assert.Equal(unexcluded.Items.Where(item => item.ItemId != hot).Select(item => item.ItemId), result.Items.Select(item => item.ItemId));
    }

    [Fact]
    public async Task SimilarItemsAsync_ItemsConsumedBySameUsers_RankedByHowOften()
    {
        var (target, often, once) = (Events.NewId("t"), Events.NewId("often"), Events.NewId("once"));
        for (var u = 0; u < 3; u++)
        {
            var user = Events.NewId("u");
            await Client.TrackAsync(u == 0 ? Events.Plays(user, once, often, target) : Events.Plays(user, often, target));
        }

        var similar = await Client.SimilarItemsAsync(target, 10);

        Assert.Equal([often, once], similar.Select(s => s.ItemId));
    }

    [Fact]
    public async Task UpsertItemAsync_Metadata_IsStored()
    {
        var item = Events.NewId("item");
        var metadata = new ItemMetadata("Final", ["live", "sport"], Events.At, Events.At.AddHours(2));

        await Client.UpsertItemAsync(item, metadata);

        var stored = await fixture.Cluster.Client.GetGrain<IItemGrain>(item).GetMetadataAsync();
        Assert.NotNull(stored);
        Assert.Equal(
            (metadata.Title, "live,sport", metadata.LiveFrom, metadata.LiveUntil),
            (stored.Title, string.Join(',', stored.Tags), stored.LiveFrom, stored.LiveUntil));
    }

    [Fact]
    public async Task ForgetUserAsync_TrackedUser_HistoryIsErased()
    {
        var user = Events.NewId("u");
        await Client.TrackAsync(Events.Plays(user, "a", "b"));

        await Client.ForgetUserAsync(user);

        var profile = await fixture.Cluster.Client.GetGrain<IUserGrain>(user).GetProfileAsync();
        Assert.Empty(profile.RecentHistory);
        Assert.Equal(0, profile.SeenItems);
    }

    [Fact]
    public async Task EventTracker_DisposedAfterTrack_EventsReachTheGrains()
    {
        var (u1, u2) = (Events.NewId("u"), Events.NewId("u"));
        var tracker = new EventTracker(Client, new EventTrackerOptions { BatchSize = 2 });

        tracker.Track(Events.Play(u1, "a", 1));
        tracker.Track(Events.Play(u2, "b", 2));
        tracker.Track(Events.Play(u1, "c", 3));
        await tracker.DisposeAsync();

        Assert.Equal(new EventTrackerStats(3, 3, 0, 0, 0), tracker.Stats);
        Assert.Equal(["a", "c"], await HistoryAsync(u1));
        Assert.Equal(["b"], await HistoryAsync(u2));
    }

    private async Task<string[]> HistoryAsync(string userId)
    {
        var profile = await fixture.Cluster.Client.GetGrain<IUserGrain>(userId).GetProfileAsync();
        return [.. profile.RecentHistory.Select(e => e.ItemId)];
    }
}
