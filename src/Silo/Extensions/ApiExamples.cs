namespace AIaaS.Silo.Extensions;

/// <summary>Example bodies for the OpenAPI document, in the shapes DESIGN.md gives.</summary>
internal static class ApiExamples
{
    public const string EventsRequest = """
        {"events":[{"userId":"u1","itemId":"i9","type":"play","value":1.0,"timestamp":"2026-11-22T10:00:00Z","eventId":"e-123"}]}
        """;

    public const string EventsAccepted = """{"accepted":1,"duplicates":0}""";

    public const string Recommendations = """
        {"userId":"u1","modelVersion":3,"items":[{"itemId":"i1","score":0.93,"reason":"because you watched i9"}]}
        """;

    public const string SimilarItems = """
        {"itemId":"i9","items":[{"itemId":"i3","score":1.0,"reason":"consumed by the same users"}]}
        """;

    public const string SessionRequest = """
        {"events":[{"itemId":"i9","type":"play","value":1.0,"timestamp":"2026-11-22T10:00:00Z"}],"count":10,"offset":0,"category":["sport"],"tag":[],"exclude":["i3"]}
        """;

    public const string SessionRecommendations = """
        {"modelVersion":3,"items":[{"itemId":"i1","score":0.87,"reason":"because you watched i9"}]}
        """;

    public const string User = """
        {"userId":"u1","history":[{"userId":"u1","itemId":"i9","type":"play","value":1.0,"timestamp":"2026-11-22T10:00:00Z","eventId":"e-123"}],"seenItems":1,"counts":{"play":1},"hasVector":true,"modelVersion":3}
        """;

    public const string ItemRequest = """
        {"title":"Cup final","categories":["sport"],"tags":["football","live"],"hidden":false,"liveFrom":"2026-11-22T18:00:00Z","liveUntil":"2026-11-22T20:00:00Z","availableFrom":null,"availableUntil":null}
        """;

    public const string Item = """
        {"itemId":"i9","title":"Cup final","categories":["sport"],"tags":["football","live"],"hidden":false,"liveFrom":"2026-11-22T18:00:00Z","liveUntil":"2026-11-22T20:00:00Z","availableFrom":null,"availableUntil":null}
        """;

    public const string ItemDetails = """
        {"itemId":"i9","title":"Cup final","categories":["sport"],"tags":["football","live"],"hidden":false,"liveFrom":"2026-11-22T18:00:00Z","liveUntil":"2026-11-22T20:00:00Z","availableFrom":null,"availableUntil":null,"interactions":42,"updatedAt":"2026-11-22T17:00:00Z"}
        """;

    public const string ItemsPage = """
        {"items":[{"itemId":"i9","title":"Cup final","categories":["sport"],"tags":["football"],"hidden":false,"liveFrom":null,"liveUntil":null,"availableFrom":null,"availableUntil":null}],"offset":0,"total":1}
        """;

    public const string Model = """
        {"version":3,"trainedAt":"2026-11-22T09:50:00Z","users":1200,"items":800,"factors":64,"metrics":{"loss":0.12},"training":false,"progress":null,"lastError":null,"lastErrorAt":null}
        """;

    public const string RetrainAccepted = """{"started":true,"message":"Retraining started."}""";

    public const string KeyRequest = """{"name":"web player","scope":"ingest"}""";

    public const string CreatedKey = """
        {"id":"key_5f2c9a0e41b7d3c8","key":"aiaas_q3Vb0m4kQe9yXh2nT7cLr1pZs8uWf6dJ0aGiKoE5vNY","name":"web player","scope":"ingest","createdAt":"2026-12-01T12:00:00Z"}
        """;

    public const string KeyList = """
        {"keys":[{"id":"key_5f2c9a0e41b7d3c8","name":"web player","scope":"ingest","createdAt":"2026-12-01T12:00:00Z","lastUsedAt":"2026-12-01T12:05:10Z"}]}
        """;

    public const string Stats = """{"events":3,"users":2,"items":2}""";
}
