using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AIaaS.Silo.IntegrationTests;

internal static class Json
{
    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static string Events(params (string User, string Item, string Type)[] events) =>
        JsonSerializer.Serialize(new { events = events.Select(e => new { userId = e.User, itemId = e.Item, type = e.Type }) });

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
