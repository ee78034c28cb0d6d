using System.Net;
using System.Text.Json;

namespace AIaaS.Silo.IntegrationTests;

[Collection(SiloCollection.Name)]
public sealed class RecommendationsApiTests(SiloFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task GetRecommendations_UnknownUser_Returns200WithTrendingItems()
    {
        var hot = await MakeTrendingItemAsync();

        var body = await Json.ReadAsync(await _http.GetAsync($"/v1/users/{Json.NewId("stranger")}/recommendations?count=1000"));

        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, item => item.GetProperty("itemId").GetString() == hot);
        Assert.All(items, item => Assert.Equal("trending", item.GetProperty("reason").GetString()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("modelVersion").ValueKind);
    }

    [Fact]
    public async Task GetRecommendations_RightAfterPostEvents_NeverContainsConsumedItem()
    {
        var hot = await MakeTrendingItemAsync();
        var user = Json.NewId("u");

        await _http.PostAsync("/v1/events", Json.Body(Json.Events((user, hot, "view"))));
        var body = await Json.ReadAsync(await _http.GetAsync($"/v1/users/{user}/recommendations?count=1000"));

        Assert.Equal(user, body.GetProperty("userId").GetString());
        Assert.DoesNotContain(body.GetProperty("items").EnumerateArray(), item => item.GetProperty("itemId").GetString() == hot);
    }

    [Fact]
    public async Task GetRecommendations_CountGiven_ReturnsAtMostThatMany()
    {
        await MakeTrendingItemAsync();
        await MakeTrendingItemAsync();

        var body = await Json.ReadAsync(await _http.GetAsync($"/v1/users/{Json.NewId("u")}/recommendations?count=1"));

        Assert.Single(body.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("count=0")]
    [InlineData("count=1001")]
    [InlineData("count=ten")]
    public async Task GetRecommendations_BadCount_Returns400Problem(string query)
    {
        using var response = await _http.GetAsync($"/v1/users/u1/recommendations?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("count", (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRecommendations_UserIdTooLong_Returns400Problem()
    {
        using var response = await _http.GetAsync($"/v1/users/{new string('u', 257)}/recommendations");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("userId", (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSimilar_ItemsConsumedTogether_ListsThem()
    {
        var (a, b) = (Json.NewId("i"), Json.NewId("i"));
        var user = Json.NewId("u");
        await _http.PostAsync("/v1/events", Json.Body(Json.Events((user, a, "play"), (user, b, "play"))));

        var body = await Json.ReadAsync(await _http.GetAsync($"/v1/items/{b}/similar?count=5"));

        Assert.Equal(b, body.GetProperty("itemId").GetString());
        Assert.Equal(a, body.GetProperty("items")[0].GetProperty("itemId").GetString());
    }

    [Fact]
    public async Task GetSimilar_BadCount_Returns400Problem()
    {
        using var response = await _http.GetAsync("/v1/items/i1/similar?count=-3");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<string> MakeTrendingItemAsync()
    {
        var hot = Json.NewId("hot");
        var events = Enumerable.Range(0, 3).Select(_ => (Json.NewId("fan"), hot, "purchase")).ToArray();
        using var response = await _http.PostAsync("/v1/events", Json.Body(Json.Events(events)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await factory.RefreshTrendingAsync();
        return hot;
    }
}
