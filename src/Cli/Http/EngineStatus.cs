using System.Text.Json;

namespace AIaaS.Cli.Http;

/// <summary>What `aiaas status` shows: GET /v1/model, GET /v1/stats and GET /health/ready of one engine.</summary>
internal sealed record EngineStatus(JsonElement Model, JsonElement Stats, bool Ready, string Health)
{
    public static async Task<EngineStatus> ReadAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var model = await EngineResponse.GetJsonAsync(http, "/v1/model", cancellationToken);
        var stats = await EngineResponse.GetJsonAsync(http, "/v1/stats", cancellationToken);
        // Not ready is an answer (503 with the health report's word), not a failure of the command.
        using var ready = await http.GetAsync("/health/ready", cancellationToken);
        var health = (await ready.Content.ReadAsStringAsync(cancellationToken)).Trim();
        return new EngineStatus(model, stats, ready.IsSuccessStatusCode, health.Length > 0 ? health : ready.StatusCode.ToString());
    }
}
