using System.Text.Json;

namespace AIaaS.Cli.Http;

/// <summary>Turns an engine's error answer into an exception whose message is the problem's own detail.</summary>
internal static class EngineResponse
{
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
