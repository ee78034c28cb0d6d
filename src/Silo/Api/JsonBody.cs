using System.Text.Json;
using AIaaS.Silo.Options;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AIaaS.Silo.Api;

/// <summary>Reads a JSON body itself, so that malformed JSON gets a problem that says where it broke.</summary>
internal static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            // A form post or text that happens to parse is still not what the client meant to send.
            return (null, Problems.UnsupportedMediaType(request.ContentType));
        }

        var services = request.HttpContext.RequestServices;
        var limit = services.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            // This read enforces the limit itself. Without the server's own limit on this request, Kestrel drains what
            // is left of an over-limit body after the 413 (for at most 5 s) rather than resetting a client that is
            // still sending, so the client gets to read the answer.
            serverLimit.MaxRequestBodySize = null;
        }

        if (request.ContentLength > limit)
        {
            // Answered before a byte is read: a client that sent Expect: 100-continue never sends the body.
            return (null, Problems.TooLarge(limit));
        }

        try
        {
            var options = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            await using var body = new BoundedReadStream(request.Body, limit);
            var value = await JsonSerializer.DeserializeAsync<T>(body, options, cancellationToken);
            return value is null ? (null, Problems.BadRequest("The request body must be a JSON object.")) : (value, null);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 0 } path ? $" at {path}" : string.Empty;
            return (null, Problems.BadRequest($"The request body is not valid JSON{where}: {ex.Message}"));
        }
        catch (RequestBodyTooLargeException)
        {
            return (null, Problems.TooLarge(limit));
        }
        catch (BadHttpRequestException ex)
        {
            // The server's own checks: a broken chunked encoding or a body shorter than its Content-Length.
            return (null, Results.Problem(detail: ex.Message, statusCode: ex.StatusCode, title: "The request is invalid."));
        }
    }
}
