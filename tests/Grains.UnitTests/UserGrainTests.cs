using System.Collections.Immutable;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.UnitTests;

[Collection(ClusterCollection.Name)]
public sealed class UserGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task TrackAsync_OneBadEventInBatch_ThrowsAndAppliesNothing()
    {
        var user = Events.NewId("u");
        var grain = fixture.Client.GetGrain<IUserGrain>(user);
        ImmutableArray<InteractionEvent> batch =
        [
            Events.Play(user, "good-item"),
            new(user, "rated", EventType.Rating, 9f, DateTimeOffset.UtcNow),
        ];

        var error = await Assert.ThrowsAsync<ArgumentException>(() => grain.TrackAsync(batch).AsTask());

        Assert.Contains("rating", error.Message, StringComparison.OrdinalIgnoreCase);
        var profile = await grain.GetProfileAsync();
        Assert.Empty(profile.RecentHistory);
        Assert.Equal(0, profile.SeenItems);
        Assert.Equal(0, await LoggedEventsOfAsync(user));
    }

    [Fact]
    public async Task TrackAsync_EventOfAnotherUser_Throws()
    {
        var grain = fixture.Client.GetGrain<IUserGrain>(Events.NewId("u"));

        await Assert.ThrowsAsync<ArgumentException>(() => grain.TrackAsync([Events.Play("someone-else", "i1")]).AsTask());
    }

    [Fact]
    public async Task TrackAsync_MoreThanHistoryLength_KeepsNewestAndCountsAll()
    {
        var user = Events.NewId("u");
        var grain = fixture.Client.GetGrain<IUserGrain>(user);
        var items = Enumerable.Range(0, 25).Select(i => $"item-{i}").ToArray();

        await grain.TrackAsync(Events.Plays(user, items));

        var profile = await grain.GetProfileAsync();
        Assert.Equal(20, profile.RecentHistory.Length);
        Assert.Equal("item-5", profile.RecentHistory[0].ItemId);
        Assert.Equal("item-24", profile.RecentHistory[^1].ItemId);
        Assert.Equal(25, profile.SeenItems);
        Assert.Equal(25, profile.CountsByType[EventType.Play]);
    }

    [Fact]
    public async Task RecommendAsync_AfterTrack_NeverReturnsJustConsumedItem()
    {
        var hot = Events.NewId("hot");
        var fans = Enumerable.Range(0, 5).Select(_ => Events.NewId("fan")).ToArray();
        foreach (var fan in fans)
        {
            await fixture.Client.GetGrain<IUserGrain>(fan).TrackAsync([Events.Play(fan, hot, minute: 100_000)]);
        }

        await fixture.RefreshTrendingAsync();
        var user = Events.NewId("u");
        var grain = fixture.Client.GetGrain<IUserGrain>(user);
        var before = await grain.RecommendAsync(RecommendationRequest.Top(1000));
        Assert.Contains(before.Items, item => item.ItemId == hot);

        await grain.TrackAsync([Events.Play(user, hot)]);
        var after = await grain.RecommendAsync(RecommendationRequest.Top(1000));

        Assert.DoesNotContain(after.Items, item => item.ItemId == hot);
        Assert.All(after.Items, item => Assert.Equal("trending", item.Reason));
        Assert.Null(after.ModelVersion);
    }

    [Fact]
    public async Task RecommendAsync_BeforeAnyModel_FirstRequestAfterTrackGivesCoConsumedItems()
    {
        // An item counts the items its viewers consumed within their window before it: viewers who came to
        // "watched" after "together" and "other" make those its co-consumed items.
        var (watched, together, other) = (Events.NewId("cx"), Events.NewId("cx"), Events.NewId("cx"));
        foreach (var viewer in new[] { Events.NewId("viewer"), Events.NewId("viewer") })
        {
            await fixture.Client.GetGrain<IUserGrain>(viewer).TrackAsync(Events.Plays(viewer, together, other, watched));
        }

        var newcomer = Events.NewId("u");
        var grain = fixture.Client.GetGrain<IUserGrain>(newcomer);
        await grain.TrackAsync(Events.Plays(newcomer, watched));

        var first = await grain.RecommendAsync(RecommendationRequest.Top(5));

        Assert.Null(first.ModelVersion);
        Assert.Contains(first.Items, i => i.ItemId == together && i.Reason == $"because you watched {watched}");
        Assert.Contains(first.Items, i => i.ItemId == other);
        Assert.DoesNotContain(first.Items, i => i.ItemId == watched);
    }

    [Fact]
    public async Task GetProfileAsync_ShowsEveryStoredEventAndNoVectorWithoutModel()
    {
        var user = Events.NewId("u");
        var grain = fixture.Client.GetGrain<IUserGrain>(user);
        var items = Enumerable.Range(0, 25).Select(i => $"stored-{i}").ToArray();
        await grain.TrackAsync(Events.Plays(user, items));

        var profile = await grain.GetProfileAsync();

        Assert.Equal(items, profile.StoredHistory.Select(e => e.ItemId));
        Assert.False(profile.HasVector);
    }

    [Fact]
    public async Task RecommendAsync_ExcludedItem_IsLeftOut()
    {
        var hot = Events.NewId("hot");
        var fan = Events.NewId("fan");
        await fixture.Client.GetGrain<IUserGrain>(fan).TrackAsync([Events.Play(fan, hot, minute: 200_000)]);
        await fixture.RefreshTrendingAsync();
        var grain = fixture.Client.GetGrain<IUserGrain>(Events.NewId("u"));
        // Without the exclusion the item is recommended, so its absence below is the exclusion's doing.
        var unexcluded = await grain.RecommendAsync(RecommendationRequest.Top(1000));
        Assert.Contains(unexcluded.Items, item => item.ItemId == hot);

        var result = await grain.RecommendAsync(new RecommendationRequest(1000, [hot]));

        Assert.DoesNotContain(result.Items, item => item.ItemId == hot);
        Assert.Equal(unexcluded.Items.Where(item => item.ItemId != hot).Select(item => item.ItemId), result.Items.Select(item => item.ItemId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task RecommendAsync_CountOutOfRange_Throws(int count)
    {
        var grain = fixture.Client.GetGrain<IUserGrain>(Events.NewId("u"));

        await Assert.ThrowsAsync<ArgumentException>(() => grain.RecommendAsync(RecommendationRequest.Top(count)).AsTask());
    }

    [Fact]
    public async Task ForgetAsync_ErasesHistorySeenSetAndLogEntries()
    {
        var user = Events.NewId("u");
        var grain = fixture.Client.GetGrain<IUserGrain>(user);
        await grain.TrackAsync(Events.Plays(user, "a", "b", "c"));
        Assert.Equal(3, await LoggedEventsOfAsync(user));

        await grain.ForgetAsync();

        var profile = await grain.GetProfileAsync();
        Assert.Empty(profile.RecentHistory);
        Assert.Equal(0, profile.SeenItems);
        Assert.Empty(profile.CountsByType);
        Assert.Equal(0, await LoggedEventsOfAsync(user));
    }

    [Fact]
    public async Task TrackAsync_AfterDeactivation_HistoryAndLogSurvive()
    {
        var user = Events.NewId("u");
        var grain = fixture.Client.GetGrain<IUserGrain>(user);
        var items = Enumerable.Range(0, 35).Select(i => $"item-{i}").ToArray();
        await grain.TrackAsync(Events.Plays(user, items));

        await fixture.Cluster.DeactivateAsync(grain);
        await fixture.Cluster.DeactivateAsync(fixture.LogOf(user));

        var profile = await grain.GetProfileAsync();
        Assert.Equal(items.Length, profile.SeenItems);
        Assert.Equal(items.Length, await LoggedEventsOfAsync(user));
    }

    private async Task<int> LoggedEventsOfAsync(string user) =>
        (await fixture.Log.ReadUserAsync(user, -1, CancellationToken.None)).Length;
}
