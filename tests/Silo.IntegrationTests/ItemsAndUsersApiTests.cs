using System.Net;

namespace AIaaS.Silo.IntegrationTests;

[Collection(SiloCollection.Name)]
public sealed class ItemsAndUsersApiTests(SiloFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task PutItem_ValidMetadata_Returns200WithIt()
    {
        var body = """{"title":"Cup final","tags":["sport","live"],"liveFrom":"2026-11-22T18:00:00Z","liveUntil":"2026-11-22T20:00:00Z"}""";

        using var response = await _http.PutAsync($"/v1/items/{Json.NewId("i")}", Json.Body(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Cup final", (await Json.ReadAsync(response)).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("""{"title":"x","liveFrom":"2026-11-22T20:00:00Z","liveUntil":"2026-11-22T18:00:00Z"}""", "liveUntil")]
    [InlineData("""{"title":"x","tags":[""]}""", "tags")]
    [InlineData("""{"title":""", "JSON")]
    [InlineData("""{"title":"x","liveFrom":"yesterday"}""", "JSON")]
    public async Task PutItem_BadMetadata_Returns400Problem(string body, string expected)
    {
        using var response = await _http.PutAsync($"/v1/items/{Json.NewId("i")}", Json.Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetUser_AfterEvents_ReturnsHistoryOldestFirstAndCountsByType()
    {
        var (user, first, second) = (Json.NewId("u"), Json.NewId("i"), Json.NewId("i"));
        var body = $$"""{"events":[{"userId":"{{user}}","itemId":"{{first}}","type":"rating","value":4,"timestamp":"2026-11-22T10:00:00Z"},{"userId":"{{user}}","itemId":"{{second}}","type":"play","timestamp":"2026-11-22T10:01:00Z"}]}""";
        await _http.PostAsync("/v1/events", Json.Body(body));

        using var response = await _http.GetAsync($"/v1/users/{user}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = await Json.ReadAsync(response);
        Assert.Equal(user, profile.GetProperty("userId").GetString());
        var history = profile.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal([first, second], history.Select(e => e.GetProperty("itemId").GetString()));
        Assert.Equal(["rating", "play"], history.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(4f, history[0].GetProperty("value").GetSingle());
        Assert.Equal(2, profile.GetProperty("seenItems").GetInt32());
        Assert.Equal(1, profile.GetProperty("counts").GetProperty("rating").GetInt64());
        Assert.Equal(1, profile.GetProperty("counts").GetProperty("play").GetInt64());
    }

    [Fact]
    public async Task GetUser_IdTooLong_Returns400Problem()
    {
        using var response = await _http.GetAsync($"/v1/users/{new string('u', 257)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("userId", (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteUser_AfterEvents_Returns204AndErasesThemFromStats()
    {
        var user = Json.NewId("u");
        await _http.PostAsync("/v1/events", Json.Body(Json.Events((user, Json.NewId("i"), "play"), (user, Json.NewId("i"), "play"))));
        var before = await Json.ReadAsync(await _http.GetAsync("/v1/stats"));

        using var response = await _http.DeleteAsync($"/v1/users/{user}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var after = await Json.ReadAsync(await _http.GetAsync("/v1/stats"));
        Assert.Equal(before.GetProperty("events").GetInt64() - 2, after.GetProperty("events").GetInt64());
        Assert.Equal(before.GetProperty("users").GetInt64() - 1, after.GetProperty("users").GetInt64());
    }

    [Fact]
    public async Task PostRetrain_AfterEvents_Returns202AndModelEndpointShowsTheNewVersion()
    {
        var before = await Json.ReadAsync(await _http.GetAsync("/v1/model"));
        var previous = before.GetProperty("version").ValueKind == System.Text.Json.JsonValueKind.Number ? before.GetProperty("version").GetInt64() : 0;
        await _http.PostAsync("/v1/events", Json.Body(Json.Events((Json.NewId("u"), "film-1", "play"), (Json.NewId("u"), "film-2", "like"))));

        using var response = await _http.PostAsync("/v1/model/retrain", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True((await Json.ReadAsync(response)).GetProperty("started").GetBoolean());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        System.Text.Json.JsonElement model;
        do
        {
            await Task.Delay(50, timeout.Token);
            model = await Json.ReadAsync(await _http.GetAsync("/v1/model", timeout.Token));
        }
        while (model.GetProperty("training").GetBoolean());

        Assert.Equal(System.Text.Json.JsonValueKind.Null, model.GetProperty("lastError").ValueKind);
        Assert.Equal(previous + 1, model.GetProperty("version").GetInt64());
        Assert.Equal(64, model.GetProperty("factors").GetInt32());
        Assert.True(model.GetProperty("items").GetInt32() >= 2);
        Assert.True(model.GetProperty("metrics").GetProperty("trainSeconds").GetDouble() > 0);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_RunningSilo_Returns200(string path)
    {
        using var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_AfterTrafficked_ExposesEngineInstruments()
    {
        var user = Json.NewId("u");
        await _http.PostAsync("/v1/events", Json.Body(Json.Events((user, Json.NewId("i"), "play"))));
        await _http.GetAsync($"/v1/users/{user}/recommendations");

        var text = await _http.GetStringAsync("/metrics");

        Assert.Contains("aiaas_events_ingested_total", text, StringComparison.Ordinal);
        Assert.Contains("aiaas_recommendations_requests_total", text, StringComparison.Ordinal);
        Assert.Contains("aiaas_recommendations_duration_milliseconds_bucket", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_RuntimeMeter_GivesTheGaugesBenchLiveReads()
    {
        var text = await _http.GetStringAsync("/metrics");

        // The names `aiaas bench live` parses (src/Cli/Bench/SiloGauges.cs).
        Assert.Contains("dotnet_process_cpu_time_seconds_total{", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_process_memory_working_set_bytes{", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_last_collection_heap_size_bytes{", text, StringComparison.Ordinal);
    }
}
