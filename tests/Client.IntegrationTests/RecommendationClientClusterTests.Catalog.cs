using AIaaS.Client.IntegrationTests.Fakes;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Client.IntegrationTests;

/// <summary>The client's catalog, query, session and data-access calls.</summary>
public sealed partial class RecommendationClientClusterTests
{
    [Fact]
    public async Task GetItemAsync_UpsertedItem_ShowsItsCatalogEntry()
    {
        var item = Events.NewId("item");
        var metadata = new ItemMetadata("Final", ["live"], null, null, ["sport", "football"], Hidden: true);

        await Client.UpsertItemAsync(item, metadata);
        var details = await Client.GetItemAsync(item);

        Assert.NotNull(details);
        Assert.NotNull(details.Metadata);
        Assert.Equal(
            (item, "Final", "sport,football", "live", true),
            (details.ItemId, details.Metadata.Title, string.Join(',', details.Metadata.Categories), string.Join(',', details.Metadata.Tags), details.Metadata.Hidden));
    }

    [Fact]
    public async Task RecommendAsync_CategoryFilter_ReturnsOnlyItemsOfThatCategory()
    {
        var (wanted, other) = (Events.NewId("cat"), Events.NewId("cat"));
        var inWanted = await UpsertAsync(wanted, 3);
        var inOther = await UpsertAsync(other, 2);
        // Every item is played too, so that trending (unfiltered) would offer all of them.
        await PlayAsync([.. inWanted, .. inOther]);
        await fixture.RefreshTrendingAsync();

        var result = await Client.RecommendAsync(Events.NewId("u"), new RecommendationQuery { Count = 1000, Categories = { wanted } });

        Assert.Equal(inWanted.Order(StringComparer.Ordinal), result.Items.Select(i => i.ItemId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RecommendAsync_Offset_PagesThroughTheRanking()
    {
        var category = Events.NewId("cat");
        await UpsertAsync(category, 5);
        var user = Events.NewId("u");

        var whole = await Client.RecommendAsync(user, new RecommendationQuery { Count = 10, Categories = { category } });
        var pages = new List<string>();
        for (var offset = 0; offset < 6; offset += 2)
        {
            var page = await Client.RecommendAsync(user, new RecommendationQuery { Count = 2, Offset = offset, Categories = { category } });
            pages.AddRange(page.Items.Select(i => i.ItemId));
        }

        Assert.Equal(5, whole.Items.Length);
        Assert.Equal(whole.Items.Select(i => i.ItemId), pages);
    }

    [Fact]
    public async Task DeleteItemAsync_UpsertedItem_GetItemAsyncIsNullAndAnswersLeaveItOut()
    {
        var category = Events.NewId("cat");
        var items = await UpsertAsync(category, 2);
        var query = new RecommendationQuery { Categories = { category } };
        Assert.Contains(items[0], (await Client.RecommendAsync(Events.NewId("u"), query)).Items.Select(i => i.ItemId));

        Assert.True(await Client.DeleteItemAsync(items[0]));
        await fixture.RefreshCatalogAsync();

        Assert.Null(await Client.GetItemAsync(items[0]));
        Assert.False(await Client.DeleteItemAsync(items[0]));
        Assert.Equal([items[1]], (await Client.RecommendAsync(Events.NewId("u"), query)).Items.Select(i => i.ItemId));
    }

    [Fact]
    public async Task SimilarItemsAsync_CategoryFilter_ReturnsOnlyItemsOfThatCategory()
    {
        var (target, category) = (Events.NewId("t"), Events.NewId("cat"));
        var (inCategory, outside) = (Events.NewId("in"), Events.NewId("out"));
        await Client.UpsertItemAsync(inCategory, new ItemMetadata(null, [], null, null, [category]));
        await Client.UpsertItemAsync(outside, new ItemMetadata(null, [], null, null, [Events.NewId("cat")]));
        await fixture.RefreshCatalogAsync();
        for (var u = 0; u < 3; u++)
        {
            await Client.TrackAsync(Events.Plays(Events.NewId("u"), outside, inCategory, target));
        }

        var unfiltered = await Client.SimilarItemsAsync(target, new RecommendationQuery());
        var filtered = await Client.SimilarItemsAsync(target, new RecommendationQuery { Categories = { category } });

        // Unfiltered, both are similar; the filter is what leaves one out.
        Assert.Equal([inCategory, outside], unfiltered.Select(s => s.ItemId).Order(StringComparer.Ordinal));
        Assert.Equal([inCategory], filtered.Select(s => s.ItemId));
    }

    [Fact]
    public async Task RecommendForSessionAsync_SessionItems_AreLeftOut()
    {
        var (first, second) = (Events.NewId("live"), Events.NewId("live"));
        // An item counts the items played before it, so fans play the two in both orders.
        for (var u = 0; u < 4; u++)
        {
            await Client.TrackAsync(u % 2 == 0 ? Events.Plays(Events.NewId("fan"), first, second) : Events.Plays(Events.NewId("fan"), second, first));
        }

        var afterFirst = await Client.RecommendForSessionAsync([new SessionEvent(first, EventType.Play)], new RecommendationQuery { Count = 1000 });
        var afterSecond = await Client.RecommendForSessionAsync([new SessionEvent(second, EventType.View)]);

        Assert.Equal(CatalogRules.SessionUser, afterFirst.UserId);
        Assert.Contains(second, afterFirst.Items.Select(i => i.ItemId));
        Assert.DoesNotContain(first, afterFirst.Items.Select(i => i.ItemId));
        Assert.Contains(first, afterSecond.Items.Select(i => i.ItemId));
        Assert.DoesNotContain(second, afterSecond.Items.Select(i => i.ItemId));
    }

    [Fact]
    public async Task GetUserAsync_TrackedUser_ShowsTheStoredHistory()
    {
        var user = Events.NewId("u");
        await Client.TrackAsync(Events.Plays(user, "a", "b", "c"));

        var profile = await Client.GetUserAsync(user);

        Assert.Equal(user, profile.UserId);
        Assert.Equal(["a", "b", "c"], profile.StoredHistory.Select(e => e.ItemId));
        Assert.Equal(["a", "b", "c"], profile.RecentHistory.Select(e => e.ItemId));
        Assert.Equal((3, 3L), (profile.SeenItems, profile.CountsByType[EventType.Play]));

        await Client.ForgetUserAsync(user);

        Assert.Empty((await Client.GetUserAsync(user)).StoredHistory);
    }

    /// <summary>Upserts <paramref name="count"/> items of <paramref name="category"/> and has the silo read them.</summary>
    private async Task<string[]> UpsertAsync(string category, int count)
    {
        var items = Enumerable.Range(0, count).Select(i => $"{category}-item{i}").ToArray();
        foreach (var item in items)
        {
            await Client.UpsertItemAsync(item, new ItemMetadata(item, [], null, null, [category]));
        }

        await fixture.RefreshCatalogAsync();
        return items;
    }

    private async Task PlayAsync(string[] items)
    {
        foreach (var item in items)
        {
            await Client.TrackAsync([.. Enumerable.Range(0, 3).Select(_ => Events.Play(Events.NewId("fan"), item, 300_000))]);
        }
    }
}
