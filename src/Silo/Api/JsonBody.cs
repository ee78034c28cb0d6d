using System.Text.Json;

namespace AIaaS.Silo.Api;

/// <summary>Reads a JSON body itself, so that malformed JSON gets a problem that says where it broke.</summary>
internal static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var options = request.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken);
            return value is null ? (null, Problems.BadRequest("The request body must be a JSON object.")) : (value, null);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 0 } path ? $" at {path}" : string.Empty;
            return (null, Problems.BadRequest($"The request body is not valid JSON{where}: {ex.Message}"));
        }
    }
}
