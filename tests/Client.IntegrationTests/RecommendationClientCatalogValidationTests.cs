using AIaaS.Client.IntegrationTests.Fakes;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Client.IntegrationTests;

/// <summary>The query, session and catalog rules reject bad arguments before a single grain call leaves the process.</summary>
public sealed class RecommendationClientCatalogValidationTests
{
    private static readonly string LongId = new('x', 257);
    private static readonly SessionEvent Play = new("i1", EventType.Play);

    public static TheoryData<string, Func<IRecommendationClient, Task>, string> BadArguments => new()
    {
        { "query count 0", c => c.RecommendAsync("u1", new RecommendationQuery { Count = 0 }), "count must be from 1 to 1000 (was 0)." },
        { "negative offset", c => c.RecommendAsync("u1", new RecommendationQuery { Offset = -1 }), "offset must be from 0 to 10000 (was -1)." },
        { "offset past 10000", c => c.RecommendAsync("u1", new RecommendationQuery { Offset = 10_001 }), "offset must be from 0 to 10000 (was 10001)." },
        { "diversity above 1", c => c.RecommendAsync("u1", new RecommendationQuery { Diversity = 1.5f }), "diversity must be a number from 0 to 1 (was 1.5)." },
        { "negative diversity", c => c.RecommendAsync("u1", new RecommendationQuery { Diversity = -0.5f }), "diversity must be a number from 0 to 1 (was -0.5)." },
        { "33 categories", c => c.RecommendAsync("u1", new RecommendationQuery { Categories = Labels(33) }), "category may hold at most 32 values (was 33)." },
        { "65 tags", c => c.RecommendAsync("u1", new RecommendationQuery { Tags = Labels(65) }), "tag may hold at most 64 values (was 65)." },
        { "empty tag", c => c.RecommendAsync("u1", new RecommendationQuery { Tags = { "live", "" } }), "tag must not hold an empty value." },
        { "null category", c => c.RecommendAsync("u1", new RecommendationQuery { Categories = { null! } }), "category must not hold an empty value." },
        { "long category", c => c.RecommendAsync("u1", new RecommendationQuery { Categories = { new string('c', 129) } }), "category values must be at most 128 characters (was 129)." },
        { "1001 exclusions", c => c.RecommendAsync("u1", new RecommendationQuery { Exclude = Labels(1001) }), "exclude may name at most 1000 items (was 1001)." },
        { "1001 exclusions, count overload", c => c.RecommendAsync("u1", 10, Labels(1001)), "exclude may name at most 1000 items (was 1001)." },
        { "empty exclusion", c => c.RecommendAsync("u1", new RecommendationQuery { Exclude = { "i1", " " } }), "exclude must not be empty." },
        { "empty user, query", c => c.RecommendAsync("", new RecommendationQuery()), "userId must not be empty." },
        { "empty similar item, query", c => c.SimilarItemsAsync("", new RecommendationQuery()), "itemId must not be empty." },
        { "similar offset", c => c.SimilarItemsAsync("i1", new RecommendationQuery { Offset = -1 }), "offset must be from 0 to 10000 (was -1)." },
        { "similar 33 categories", c => c.SimilarItemsAsync("i1", new RecommendationQuery { Categories = Labels(33) }), "category may hold at most 32 values (was 33)." },
        { "similar 1001 exclusions", c => c.SimilarItemsAsync("i1", new RecommendationQuery { Exclude = Labels(1001) }), "exclude may name at most 1000 items (was 1001)." },
        { "empty session", c => c.RecommendForSessionAsync([]), "events must hold at least one event." },
        { "501-event session", c => c.RecommendForSessionAsync(Session(501)), "events may hold at most 500 events (was 501)." },
        { "null session event", c => c.RecommendForSessionAsync([Play, null!]), "events[1] must not be null." },
        { "empty session item", c => c.RecommendForSessionAsync([Play, Play with { ItemId = "" }]), "events[1].itemId must not be empty." },
        { "long session item", c => c.RecommendForSessionAsync([Play with { ItemId = LongId }]), "events[0].itemId must be at most 256 characters (was 257)." },
        { "unknown session type", c => c.RecommendForSessionAsync([Play with { Type = (EventType)99 }]), "events[0].type is not a known event type." },
        { "session rating 6", c => c.RecommendForSessionAsync([Play with { Type = EventType.Rating, Value = 6 }]), "events[0].value must be a rating from 1 to 5" },
        { "session NaN value", c => c.RecommendForSessionAsync([Play with { Value = float.NaN }]), "events[0].value must be a finite number." },
        { "session offset", c => c.RecommendForSessionAsync([Play], new RecommendationQuery { Offset = 10_001 }), "offset must be from 0 to 10000 (was 10001)." },
        { "session count 1001", c => c.RecommendForSessionAsync([Play], new RecommendationQuery { Count = 1001 }), "count must be from 1 to 1000 (was 1001)." },
        { "availableUntil before availableFrom", c => c.UpsertItemAsync("i1", Available(TimeSpan.FromHours(-1))), "availableUntil must be later than availableFrom." },
        { "availableUntil at availableFrom", c => c.UpsertItemAsync("i1", Available(TimeSpan.Zero)), "availableUntil must be later than availableFrom." },
        { "33 item categories", c => c.UpsertItemAsync("i1", Available(null) with { Categories = [.. Labels(33)] }), "categories may hold at most 32 values (was 33)." },
        { "empty item category", c => c.UpsertItemAsync("i1", Available(null) with { Categories = ["sport", ""] }), "categories must not hold an empty value." },
        { "long item category", c => c.UpsertItemAsync("i1", Available(null) with { Categories = [new string('c', 129)] }), "categories values must be at most 128 characters (was 129)." },
        { "empty item to get", c => c.GetItemAsync(""), "itemId must not be empty." },
        { "long item to get", c => c.GetItemAsync(LongId), "itemId must be at most 256 characters (was 257)." },
        { "empty item to delete", c => c.DeleteItemAsync(" "), "itemId must not be empty." },
        { "long item to delete", c => c.DeleteItemAsync(LongId), "itemId must be at most 256 characters (was 257)." },
        { "empty user to get", c => c.GetUserAsync(""), "userId must not be empty." },
        { "long user to get", c => c.GetUserAsync(LongId), "userId must be at most 256 characters (was 257)." },
    };

    public static TheoryData<string, Func<IRecommendationClient, Task>, string> NullArguments => new()
    {
        { "null query", c => c.RecommendAsync("u1", (RecommendationQuery)null!), "query" },
        { "null user, query", c => c.RecommendAsync(null!, new RecommendationQuery()), "userId" },
        { "null similar query", c => c.SimilarItemsAsync("i1", (RecommendationQuery)null!), "query" },
        { "null similar item, query", c => c.SimilarItemsAsync(null!, new RecommendationQuery()), "itemId" },
        { "null session", c => c.RecommendForSessionAsync(null!), "events" },
        { "null item", c => c.GetItemAsync(null!), "itemId" },
        { "null deleted item", c => c.DeleteItemAsync(null!), "itemId" },
        { "null user", c => c.GetUserAsync(null!), "userId" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Call_InvalidArgument_ThrowsArgumentExceptionBeforeAnyGrainCall(
        string rule, Func<IRecommendationClient, Task> call, string expected) =>
        Assert.Contains(expected, (await RejectedAsync<ArgumentException>(rule, call)).Message, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(NullArguments))]
    public async Task Call_NullArgument_ThrowsArgumentNullExceptionNamingIt(
        string rule, Func<IRecommendationClient, Task> call, string paramName) =>
        Assert.Equal(paramName, (await RejectedAsync<ArgumentNullException>(rule, call)).ParamName);

    [Fact]
    public async Task RecommendForSessionAsync_BadQuery_NamesTheQuery()
    {
        var client = new RecommendationClient(CallRecorder.Create<IGrainFactory>().Proxy);

        var badQuery = await Assert.ThrowsAsync<ArgumentException>(() => client.RecommendForSessionAsync([Play], new RecommendationQuery { Offset = -1 }));
        var badEvents = await Assert.ThrowsAsync<ArgumentException>(() => client.RecommendForSessionAsync([]));

        Assert.Equal(("query", "events"), (badQuery.ParamName, badEvents.ParamName));
    }

    /// <summary>What <paramref name="call"/> threw, having checked that no grain call left the process.</summary>
    private static async Task<T> RejectedAsync<T>(string rule, Func<IRecommendationClient, Task> call)
        where T : ArgumentException
    {
        var (grains, recorder) = CallRecorder.Create<IGrainFactory>();

        var thrown = await Assert.ThrowsAnyAsync<T>(() => call(new RecommendationClient(grains)));

        Assert.True(recorder.Calls == 0, $"{rule}: a grain call left the process");
        return thrown;
    }

    private static List<string> Labels(int count) => [.. Enumerable.Range(0, count).Select(i => $"l{i}")];

    private static SessionEvent[] Session(int count) => [.. Enumerable.Range(0, count).Select(i => new SessionEvent($"i{i}", EventType.Play))];

    private static ItemMetadata Available(TimeSpan? window) =>
        new("Title", [], null, null, AvailableFrom: window is null ? null : Events.At, AvailableUntil: window is null ? null : Events.At + window);
}
