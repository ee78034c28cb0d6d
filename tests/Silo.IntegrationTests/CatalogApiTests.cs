using System.Net;

namespace AIaaS.Silo.IntegrationTests;

[Collection(SiloCollection.Name)]
public sealed class CatalogApiTests(SiloFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task PutThenGetItem_ReturnsEveryFieldAndTheInteractionCount()
    {
        var (item, user) = (Json.NewId("i"), Json.NewId("u"));
        var body = """{"title":"Cup final","categories":["sport"],"tags":["live","hd"],"hidden":false,"availableFrom":"2026-01-01T00:00:00Z","availableUntil":"2030-01-01T00:00:00Z"}""";
        Assert.Equal(HttpStatusCode.OK, (await _http.PutAsync($"/v1/items/{item}", Json.Body(body))).StatusCode);
        await _http.PostAsync("/v1/events", Json.Body(Json.Events((user, item, "play"))));

        using var response = await _http.GetAsync($"/v1/items/{item}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var got = await Json.ReadAsync(response);
        Assert.Equal("Cup final", got.GetProperty("title").GetString());
        Assert.Equal(["sport"], got.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["live", "hd"], got.GetProperty("tags").EnumerateArray().Select(c => c.GetString()));
        Assert.False(got.GetProperty("hidden").GetBoolean());
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), got.GetProperty("availableUntil").GetDateTimeOffset());
        Assert.Equal(1, got.GetProperty("interactions").GetInt64());
    }

    [Fact]
    public async Task DeleteItem_Returns204_ThenGetIs404_AndListingLeavesItOut()
    {
        var category = Json.NewId("cat");
        var (kept, deleted) = (Json.NewId("i"), Json.NewId("i"));
        foreach (var item in new[] { kept, deleted })
        {
            await _http.PutAsync($"/v1/items/{item}", Json.Body($$"""{"title":"t","categories":["{{category}}"]}"""));
        }

        using var response = await _http.DeleteAsync($"/v1/items/{deleted}");
        await factory.RefreshCatalogAsync();

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/v1/items/{deleted}")).StatusCode);
        var listing = await Json.ReadAsync(await _http.GetAsync($"/v1/items?category={category}"));
        Assert.Equal([kept], listing.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("itemId").GetString()));
        Assert.Equal(1, listing.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ListItems_Pages_InIdOrderWithoutRepeats()
    {
        var category = Json.NewId("cat");
        var items = Enumerable.Range(0, 7).Select(i => $"{category}-item-{i}").ToArray();
        foreach (var item in items)
        {
            await _http.PutAsync($"/v1/items/{item}", Json.Body($$"""{"categories":["{{category}}"]}"""));
        }

        await factory.RefreshCatalogAsync();
        var first = await Json.ReadAsync(await _http.GetAsync($"/v1/items?category={category}&count=4"));
        var second = await Json.ReadAsync(await _http.GetAsync($"/v1/items?category={category}&count=4&offset=4"));

        var listed = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("itemId").GetString());
        Assert.Equal(items, listed);
        Assert.Equal(7, second.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Recommendations_CategoryFilterBeforeAnyModel_ReturnsOnlyThatCategory()
    {
        var category = Json.NewId("cat");
        var user = Json.NewId("u");
        var matching = Enumerable.Range(0, 3).Select(_ => Json.NewId("i")).ToArray();
        foreach (var item in matching)
        {
            await _http.PutAsync($"/v1/items/{item}", Json.Body($$"""{"categories":["{{category}}"]}"""));
        }

        await factory.RefreshCatalogAsync();
        using var response = await _http.GetAsync($"/v1/users/{user}/recommendations?count=3&category={category}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var got = (await Json.ReadAsync(response)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("itemId").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(matching.Order(StringComparer.Ordinal), got);
    }

    [Theory]
    [InlineData("offset=10001", "offset")]
    [InlineData("offset=-1", "offset")]
    [InlineData("count=0", "count")]
    [InlineData("category=no-such-category-anywhere", "category 'no-such-category-anywhere'")]
    [InlineData("tag=no-such-tag-anywhere", "tag 'no-such-tag-anywhere'")]
    [InlineData("category=", "category must not hold an empty value")]
    [InlineData("diversity=1.5", "diversity must be a number from 0 to 1 (was 1.5)")]
    [InlineData("diversity=-0.1", "diversity must be a number from 0 to 1")]
    [InlineData("diversity=lots", "diversity must be a number from 0 to 1 (was 'lots')")]
    [InlineData("diversity=0.2&diversity=0.3", "diversity must be given at most once")]
    public async Task Recommendations_BadQuery_Returns400NamingTheField(string query, string expected)
    {
        using var response = await _http.GetAsync($"/v1/users/{Json.NewId("u")}/recommendations?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommendations_TooManyCategories_Returns400()
    {
        var query = string.Join("&", Enumerable.Range(0, 33).Select(i => $"category=c{i}"));

        using var response = await _http.GetAsync($"/v1/users/{Json.NewId("u")}/recommendations?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 32", (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"availableFrom":"2026-11-22T20:00:00Z","availableUntil":"2026-11-22T18:00:00Z"}""", "availableUntil must be later than availableFrom")]
    [InlineData("""{"categories":["a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a"]}""", "categories may hold at most 32")]
    [InlineData("""{"categories":[" "]}""", "categories must not hold an empty value")]
    public async Task PutItem_BadCatalogFields_Returns400AndChangesNothing(string body, string expected)
    {
        var item = Json.NewId("i");

        using var response = await _http.PutAsync($"/v1/items/{item}", Json.Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/v1/items/{item}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"events":[]}""", "events must hold at least one event")]
    [InlineData("""{"events":[{"itemId":"i1","type":"dance"}]}""", "events[0].type")]
    [InlineData("""{"events":[{"itemId":"","type":"play"}]}""", "events[0].itemId")]
    [InlineData("""{"events":[{"itemId":"i1","type":"play"}],"count":0}""", "count")]
    public async Task Session_BadBody_Returns400NamingTheField(string body, string expected)
    {
        using var response = await _http.PostAsync("/v1/sessions/recommendations", Json.Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_Over500Events_Returns400()
    {
        var events = string.Join(",", Enumerable.Range(0, 501).Select(i => $$"""{"itemId":"i{{i}}","type":"play"}"""));

        using var response = await _http.PostAsync("/v1/sessions/recommendations", Json.Body($$"""{"events":[{{events}}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 500 events (was 501)", (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_AfterOthersWatched_ReturnsCoConsumedItemsWithoutTheSessionsOwnAndCountsNoUser()
    {
        var (watched, together) = (Json.NewId("i"), Json.NewId("i"));
        var viewer = Json.NewId("u");
        await _http.PostAsync("/v1/events", Json.Body(Json.Events((viewer, together, "play"), (viewer, watched, "play"))));
        var before = await Json.ReadAsync(await _http.GetAsync("/v1/stats"));

        using var response = await _http.PostAsync("/v1/sessions/recommendations", Json.Body($$"""{"events":[{"itemId":"{{watched}}","type":"play"}],"count":5}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await Json.ReadAsync(response)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("itemId").GetString()).ToList();
        Assert.Contains(together, items);
        Assert.DoesNotContain(watched, items);
        var after = await Json.ReadAsync(await _http.GetAsync("/v1/stats"));
        Assert.Equal(before.GetProperty("users").GetInt64(), after.GetProperty("users").GetInt64());
        Assert.Equal(before.GetProperty("events").GetInt64(), after.GetProperty("events").GetInt64());
    }
}
