using System.Net;
using System.Text.Json;

namespace AIaaS.Silo.IntegrationTests;

/// <summary>The read-only endpoints the dashboard polls: recent activity, trending, and the model's versions.</summary>
[Collection(SiloCollection.Name)]
public sealed class DashboardApiTests(SiloFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task GetActivity_AfterEventsAndARecommendation_CountsThemInTotalsAndBuckets()
    {
        var before = await Json.ReadAsync(await _http.GetAsync("/v1/activity"));
        var user = Json.NewId("u");

        await _http.PostAsync("/v1/events", Json.Body(Json.Events((user, Json.NewId("i"), "play"), (user, Json.NewId("i"), "like"), (Json.NewId("u"), Json.NewId("i"), "view"))));
        (await _http.GetAsync($"/v1/users/{user}/recommendations")).EnsureSuccessStatusCode();
        var after = await Json.ReadAsync(await _http.GetAsync("/v1/activity"));

        // The tests of one collection run one at a time, so nothing else adds to this silo's counts meanwhile.
        Assert.Equal(before.GetProperty("eventsTotal").GetInt64() + 3, after.GetProperty("eventsTotal").GetInt64());
        Assert.Equal(before.GetProperty("recommendationsTotal").GetInt64() + 1, after.GetProperty("recommendationsTotal").GetInt64());
        Assert.Equal(5, after.GetProperty("bucketSeconds").GetDouble());
        var buckets = after.GetProperty("buckets").EnumerateArray().ToList();
        Assert.InRange(buckets.Count, 1, 60);
        Assert.True(buckets.Sum(b => b.GetProperty("events").GetInt64()) >= 3);
        Assert.Contains(buckets, b => b.GetProperty("recommendationP99Ms").ValueKind == JsonValueKind.Number && b.GetProperty("recommendationP99Ms").GetDouble() > 0);
        Assert.Equal(buckets.OrderBy(b => b.GetProperty("start").GetDateTimeOffset()).Select(b => b.GetProperty("start").GetString()), buckets.Select(b => b.GetProperty("start").GetString()));
    }

    [Fact]
    public async Task GetTrending_AfterPurchasesOfAnItem_ListsItMostPopularFirst()
    {
        var hot = Json.NewId("hot");
        var events = Enumerable.Range(0, 5).Select(_ => (Json.NewId("fan"), hot, "purchase")).ToArray();
        (await _http.PostAsync("/v1/events", Json.Body(Json.Events(events)))).EnsureSuccessStatusCode();
        await factory.RefreshTrendingAsync();

        using var allResponse = await _http.GetAsync("/v1/trending?count=1000");
        Assert.True(allResponse.IsSuccessStatusCode, await allResponse.Content.ReadAsStringAsync());
        var all = (await Json.ReadAsync(allResponse)).GetProperty("items").EnumerateArray().ToList();
        var top = (await Json.ReadAsync(await _http.GetAsync("/v1/trending?count=1"))).GetProperty("items").EnumerateArray().ToList();

        Assert.Contains(all, item => item.GetProperty("itemId").GetString() == hot);
        var scores = all.Select(item => item.GetProperty("logScore").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Equal(all[0].GetProperty("itemId").GetString(), Assert.Single(top).GetProperty("itemId").GetString());
    }

    [Fact]
    public async Task GetTrending_ItemWithOnlySkips_IsLeftOutAndTheListStillAnswers()
    {
        var skipped = Json.NewId("skipped");
        (await _http.PostAsync("/v1/events", Json.Body(Json.Events((Json.NewId("u"), skipped, "skip"))))).EnsureSuccessStatusCode();
        await factory.RefreshTrendingAsync();

        using var response = await _http.GetAsync("/v1/trending?count=1000");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain((await Json.ReadAsync(response)).GetProperty("items").EnumerateArray(), item => item.GetProperty("itemId").GetString() == skipped);
    }

    [Theory]
    [InlineData("count=0")]
    [InlineData("count=1001")]
    [InlineData("count=ten")]
    public async Task GetTrending_BadCount_Returns400ProblemNamingCount(string query)
    {
        using var response = await _http.GetAsync($"/v1/trending?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("count", (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetModelVersions_AfterARetraining_ListsTheNewVersionFirstWithItsSeconds()
    {
        await _http.PostAsync("/v1/events", Json.Body(Json.Events((Json.NewId("u"), "film-1", "play"), (Json.NewId("u"), "film-2", "like"))));
        var model = await RetrainAsync();

        var versions = (await Json.ReadAsync(await _http.GetAsync("/v1/model/versions"))).GetProperty("versions").EnumerateArray().ToList();

        var newest = versions[0];
        Assert.Equal(model.GetProperty("version").GetInt64(), newest.GetProperty("version").GetInt64());
        Assert.Equal(model.GetProperty("trainedAt").GetDateTimeOffset(), newest.GetProperty("trainedAt").GetDateTimeOffset());
        Assert.Equal(model.GetProperty("items").GetInt32(), newest.GetProperty("items").GetInt32());
        Assert.Equal(model.GetProperty("metrics").GetProperty("trainSeconds").GetDouble(), newest.GetProperty("trainSeconds").GetDouble());
        Assert.True(newest.GetProperty("totalSeconds").GetDouble() >= newest.GetProperty("trainSeconds").GetDouble());
        Assert.True(newest.GetProperty("events").GetInt64() >= 2);
        Assert.Equal(versions.Select(v => v.GetProperty("version").GetInt64()).OrderDescending(), versions.Select(v => v.GetProperty("version").GetInt64()));
    }

    private async Task<JsonElement> RetrainAsync()
    {
        using var response = await _http.PostAsync("/v1/model/retrain", null);
        Assert.True((await Json.ReadAsync(response)).GetProperty("started").GetBoolean());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        JsonElement model;
        do
        {
            await Task.Delay(50, timeout.Token);
            model = await Json.ReadAsync(await _http.GetAsync("/v1/model", timeout.Token));
        }
        while (model.GetProperty("training").GetBoolean());

        Assert.Equal(JsonValueKind.Null, model.GetProperty("lastError").ValueKind);
        return model;
    }
}
