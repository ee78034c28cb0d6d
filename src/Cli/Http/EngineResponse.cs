using System.Net.Http.Json;
using System.Text.Json;

namespace AIaaS.Cli.Http;

/// <summary>Turns an engine's error answer into an exception whose message is the problem's own detail.</summary>
internal static class EngineResponse
{
    /// <summary>GET <paramref name="path"/> and its JSON answer; an error answer throws with the problem's detail.</summary>
    public static async Task<JsonElement> GetJsonAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var detail = body;
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (problem.RootElement.TryGetProperty("detail", out var d) && d.GetString() is { } text)
            {
                detail = text;
            }
        }
        catch (JsonException)
        {
            // Not a problem document: the raw body says what there is to say.
        }

        throw new EngineRequestException($"{(int)response.StatusCode} {response.ReasonPhrase} from {response.RequestMessage?.RequestUri}: {detail}");
    }
}

internal sealed class EngineRequestException(string message) : Exception(message);
