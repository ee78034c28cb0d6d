using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AIaaS.Grains.UnitTests;

[Collection(ClusterCollection.Name)]
public sealed class ItemGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task GetSimilarAsync_ItemsConsumedBySameUsers_RankedByHowOften()
    {
        var (target, often, once, never) = (Events.NewId("t"), Events.NewId("often"), Events.NewId("once"), Events.NewId("never"));
        for (var u = 0; u < 3; u++)
        {
            var user = Events.NewId("u");
            var items = u == 0 ? new[] { once, often, target } : new[] { often, target };
            await fixture.Client.GetGrain<IUserGrain>(user).TrackAsync(Events.Plays(user, items));
        }

        var loner = Events.NewId("u");
        await fixture.Client.GetGrain<IUserGrain>(loner).TrackAsync(Events.Plays(loner, never));

        var similar = await fixture.Client.GetGrain<IItemGrain>(target).GetSimilarAsync(10);

        Assert.Equal([often, once], similar.Select(s => s.ItemId));
        Assert.True(similar[0].Score > similar[1].Score);
    }

    [Fact]
    public async Task UpsertAsync_ThenReactivate_MetadataKept()
    {
        var item = fixture.Client.GetGrain<IItemGrain>(Events.NewId("item"));
        var metadata = new ItemMetadata("Final", ["live", "sport"], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(2));

        await item.UpsertAsync(metadata);
        await fixture.Cluster.DeactivateAsync(item);

        var stored = await item.GetMetadataAsync();
        Assert.NotNull(stored);
        Assert.Equal("Final", stored.Title);
        Assert.Equal(["live", "sport"], stored.Tags.ToArray());
        Assert.Equal(metadata.LiveUntil, stored.LiveUntil);
    }

    [Fact]
    public async Task UpsertAsync_LiveWindowEndsBeforeItStarts_Throws()
    {
        var item = fixture.Client.GetGrain<IItemGrain>(Events.NewId("item"));
        var bad = new ItemMetadata("x", [], DateTimeOffset.UnixEpoch.AddHours(1), DateTimeOffset.UnixEpoch);

        await Assert.ThrowsAsync<ArgumentException>(() => item.UpsertAsync(bad).AsTask());
        Assert.Null(await item.GetMetadataAsync());
    }

    [Fact]
    public async Task GetPopularityAsync_MoreRecentEvents_ScoreHigher()
    {
        // As many events each, one half-life apart: only recency tells the two items apart.
        var halfLife = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IOptions<EngineOptions>>().Value.PopularityHalfLife;
        var (older, newer) = (Events.NewId("older"), Events.NewId("newer"));
        for (var i = 0; i < 3; i++)
        {
            var user = Events.NewId("u");
            await fixture.Client.GetGrain<IUserGrain>(user).TrackAsync([Events.Play(user, older, minute: i), Events.Play(user, newer, minute: i + (int)halfLife.TotalMinutes)]);
        }

        var olderScore = await fixture.Client.GetGrain<IItemGrain>(older).GetPopularityAsync();
        var newerScore = await fixture.Client.GetGrain<IItemGrain>(newer).GetPopularityAsync();

        Assert.True(newerScore.LogScore > olderScore.LogScore);
        // An event one half-life newer counts double: the scores are logarithms, so they differ by ln 2.
        Assert.Equal(Math.Log(2), newerScore.LogScore - olderScore.LogScore, 9);
    }
}
