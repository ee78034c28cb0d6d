using System.Text.Json.Serialization;

namespace AIaaS.Cli.Http;

/// <summary>The wire shape of POST /v1/events (DESIGN.md, HTTP API v1).</summary>
internal sealed record EventsBody([property: JsonPropertyName("events")] EventBody[] Events);

internal sealed record EventBody(
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("itemId")] string ItemId,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] float Value,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp);
