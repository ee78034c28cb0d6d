using AIaaS.Grains.Interfaces;
using AIaaS.Grains.InteractionLog;
using Microsoft.Extensions.DependencyInjection;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.UnitTests;

/// <summary>Filters, eligibility and paging, applied inside scoring on a trained model.</summary>
[Collection(CatalogCollection.Name)]
public sealed class CatalogFilterTests(CatalogFixture fixture)
{
    private static RecommendationRequest Filtered(int count, string[]? categories = null, string[]? tags = null, int offset = 0) =>
        new(count, [], offset, new ItemFilter([.. categories ?? []], [.. tags ?? []]));

    [Fact]
    public async Task Recommend_CategoryOfAnotherTaste_ReturnsCountItemsAllOfThatCategory()
    {
        // A drama fan's model ranking puts drama first; asking for news must still fill the row with news.
        var fan = fixture.Client.GetGrain<IUserGrain>(CatalogFixture.User(0, 0));

        var news = await fan.RecommendAsync(Filtered(15, ["news"]));

        Assert.NotNull(news.ModelVersion);
        Assert.Equal(15, news.Items.Length);
        Assert.All(news.Items, item => Assert.StartsWith("news-", item.ItemId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recommend_RareCategory_ReturnsEveryItemOfItAndNothingElse()
    {
        var fan = fixture.Client.GetGrain<IUserGrain>(CatalogFixture.User(0, 1));

        var opera = await fan.RecommendAsync(Filtered(10, ["opera"]));

        Assert.Equal(["comedy-0", "comedy-1"], opera.Items.Select(i => i.ItemId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Recommend_CategoryAndTag_ReturnsItemsWithBoth()
    {
        var fan = fixture.Client.GetGrain<IUserGrain>(CatalogFixture.User(2, 0));
        var seen = (await fan.GetProfileAsync()).RecentHistory.Select(e => e.ItemId).ToHashSet();

        var hdComedy = await fan.RecommendAsync(Filtered(5, ["comedy"], ["hd"]));

        Assert.Equal(5, hdComedy.Items.Length);
        Assert.All(hdComedy.Items, item =>
        {
            var index = int.Parse(item.ItemId["comedy-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(item.ItemId.StartsWith("comedy-", StringComparison.Ordinal) && index % 4 == 0, item.ItemId);
            Assert.DoesNotContain(item.ItemId, seen);
        });
    }

    [Fact]
    public async Task Recommend_Pages_AreDisjointAndTogetherEqualTheLongerRanking()
    {
        var fan = fixture.Client.GetGrain<IUserGrain>(CatalogFixture.User(1, 3));

        var first = await fan.RecommendAsync(new RecommendationRequest(8, [], 0));
        var second = await fan.RecommendAsync(new RecommendationRequest(8, [], 8));
        var both = await fan.RecommendAsync(RecommendationRequest.Top(16));

        Assert.Equal(8, first.Items.Length);
        Assert.Equal(8, second.Items.Length);
        Assert.Empty(first.Items.Select(i => i.ItemId).Intersect(second.Items.Select(i => i.ItemId)));
        Assert.Equal(both.Items.Select(i => i.ItemId), first.Items.Concat(second.Items).Select(i => i.ItemId));
    }

    [Fact]
    public async Task HiddenItem_IsNeverReturned_AndComesBackWhenUnhidden()
    {
        var fan = fixture.Client.GetGrain<IUserGrain>(CatalogFixture.User(2, 5));
        var before = await fan.RecommendAsync(Filtered(40, ["news"]));
        var target = before.Items[0].ItemId;
        var index = int.Parse(target["news-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var item = fixture.Client.GetGrain<IItemGrain>(target);

        await item.UpsertAsync(CatalogFixture.MetadataOf(2, index) with { Hidden = true });
        await fixture.RefreshAsync();
        var hidden = await fan.RecommendAsync(Filtered(40, ["news"]));
        var unfiltered = await fan.RecommendAsync(RecommendationRequest.Top(100));
        await item.UpsertAsync(CatalogFixture.MetadataOf(2, index));
        await fixture.RefreshAsync();
        var back = await fan.RecommendAsync(Filtered(40, ["news"]));

        Assert.DoesNotContain(hidden.Items, i => i.ItemId == target);
        Assert.DoesNotContain(unfiltered.Items, i => i.ItemId == target);
        Assert.Equal(target, back.Items[0].ItemId);
    }

    [Fact]
    public async Task UnavailableItem_IsNotReturnedBeforeItsWindow()
    {
        var fan = fixture.Client.GetGrain<IUserGrain>(CatalogFixture.User(0, 7));
        var target = (await fan.RecommendAsync(RecommendationRequest.Top(1))).Items[0].ItemId;
        var index = int.Parse(target["drama-".Length..], System.Globalization.CultureInfo.InvariantCulture);

        await fixture.Client.GetGrain<IItemGrain>(target).UpsertAsync(CatalogFixture.MetadataOf(0, index) with { AvailableFrom = DateTimeOffset.UtcNow.AddDays(1) });
        await fixture.RefreshAsync();
        var later = await fan.RecommendAsync(RecommendationRequest.Top(100));
        await fixture.Client.GetGrain<IItemGrain>(target).UpsertAsync(CatalogFixture.MetadataOf(0, index));
        await fixture.RefreshAsync();

        Assert.DoesNotContain(later.Items, i => i.ItemId == target);
    }

    [Fact]
    public async Task DeletedItem_LeavesRecommendationsSimilarAndSessions_ButStaysInHistories()
    {
        var fan = fixture.Client.GetGrain<IUserGrain>(CatalogFixture.User(1, 9));
        var target = (await fan.RecommendAsync(RecommendationRequest.Top(1))).Items[0].ItemId;
        var consumer = CatalogFixture.User(1, 0);
        var history = (await fixture.Client.GetGrain<IUserGrain>(consumer).GetProfileAsync()).StoredHistory;
        var neighbour = history.First(e => e.ItemId != target).ItemId;

        Assert.True(await fixture.Client.GetGrain<IItemGrain>(target).DeleteAsync());
        await fixture.RefreshAsync();

        Assert.False(await fixture.Client.GetGrain<IItemGrain>(target).DeleteAsync());
        Assert.Null(await fixture.Client.GetGrain<IItemGrain>(target).GetDetailsAsync());
        Assert.DoesNotContain((await fan.RecommendAsync(RecommendationRequest.Top(100))).Items, i => i.ItemId == target);
        Assert.DoesNotContain(await fixture.Client.GetGrain<IItemGrain>(neighbour).GetSimilarAsync(RecommendationRequest.Top(100)), i => i.ItemId == target);
        var session = await fixture.Client.GetGrain<ISessionGrain>(0).RecommendAsync(new SessionRequest([new SessionEvent(neighbour, EventType.Play)], RecommendationRequest.Top(100)));
        Assert.DoesNotContain(session.Items, i => i.ItemId == target);
        Assert.Equal(history.Length, (await fixture.Client.GetGrain<IUserGrain>(consumer).GetProfileAsync()).StoredHistory.Length);
    }

    [Fact]
    public async Task SimilarItems_Filtered_ReturnsCountItemsOfTheCategory()
    {
        var similar = await fixture.Client.GetGrain<IItemGrain>(CatalogFixture.Item(0, 3)).GetSimilarAsync(Filtered(12, ["comedy"]));

        Assert.Equal(12, similar.Length);
        Assert.All(similar, item => Assert.StartsWith("comedy-", item.ItemId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Session_FoldsItsEventsIn_ExcludesThemAndStoresNothing()
    {
        var watched = Enumerable.Range(0, 10).Select(i => CatalogFixture.Item(2, i)).ToArray();
        var stats = fixture.Services.GetRequiredService<EngineStatsReader>();
        var before = await stats.ReadAsync();

        var session = await fixture.Client.GetGrain<ISessionGrain>(0).RecommendAsync(
            new SessionRequest([.. watched.Select(itemId => new SessionEvent(itemId, EventType.Play))], RecommendationRequest.Top(10)));

        Assert.NotNull(session.ModelVersion);
        Assert.Equal(10, session.Items.Length);
        Assert.Empty(session.Items.Select(i => i.ItemId).Intersect(watched));
        Assert.True(session.Items.Count(i => i.ItemId.StartsWith("news-", StringComparison.Ordinal)) >= 7, string.Join(",", session.Items.Select(i => i.ItemId)));
        Assert.Equal(before, await stats.ReadAsync());
    }

    [Fact]
    public async Task NewItemWithMetadataOnly_IsRecommendedToMatchingTastesAsLikeAKnownItem()
    {
        var premiere = Events.NewId("news-premiere");
        await fixture.Client.GetGrain<IItemGrain>(premiere).UpsertAsync(new ItemMetadata("premiere", [], null, null, ["news"]));
        await fixture.RefreshAsync();

        var newsFan = await fixture.Client.GetGrain<IUserGrain>(CatalogFixture.User(2, 11)).RecommendAsync(RecommendationRequest.Top(35));
        var dramaFan = await fixture.Client.GetGrain<IUserGrain>(CatalogFixture.User(0, 11)).RecommendAsync(RecommendationRequest.Top(20));

        var item = Assert.Single(newsFan.Items, i => i.ItemId == premiere);
        Assert.StartsWith("new: like news-", item.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(dramaFan.Items, i => i.ItemId == premiere);
    }

    [Fact]
    public async Task Session_Invalid_ThrowsNamingTheField()
    {
        var sessions = fixture.Client.GetGrain<ISessionGrain>(0);

        var empty = await Assert.ThrowsAsync<ArgumentException>(() => sessions.RecommendAsync(new SessionRequest([], RecommendationRequest.Top(10))).AsTask());
        var tooMany = await Assert.ThrowsAsync<ArgumentException>(() => sessions.RecommendAsync(
            new SessionRequest([.. Enumerable.Range(0, 501).Select(i => new SessionEvent($"i{i}", EventType.Play))], RecommendationRequest.Top(10))).AsTask());

        Assert.Contains("events must hold at least one event", empty.Message, StringComparison.Ordinal);
        Assert.Contains("at most 500 events (was 501)", tooMany.Message, StringComparison.Ordinal);
    }
}
