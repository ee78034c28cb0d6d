using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AIaaS.Silo.IntegrationTests;

/// <summary>GET /openapi/v1.json describes every endpoint the silo maps.</summary>
[Collection(SiloCollection.Name)]
public sealed class OpenApiDocumentTests(SiloFactory factory)
{
    /// <summary>CI sets this to a file path, and lints the document written there (.ci/run).</summary>
    public const string OutputVariable = "AIAAS_OPENAPI_OUT";

    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task GetDocument_Always_IsOpenApi3Json()
    {
        var (document, text) = await ReadDocumentAsync();

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        if (Environment.GetEnvironmentVariable(OutputVariable) is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, text);
        }
    }

    [Fact]
    public async Task GetDocument_Always_DescribesEveryMappedEndpoint()
    {
        var (document, _) = await ReadDocumentAsync();
        var paths = document.GetProperty("paths");

        var mapped = MappedOperations().ToList();
        var missing = mapped
            .Where(op => !paths.TryGetProperty(op.Path, out var item) || !item.TryGetProperty(op.Method, out _))
            .Select(op => $"{op.Method} {op.Path}")
            .ToList();

        Assert.Contains(("/v1/events", "post"), mapped);
        Assert.Contains(("/health/ready", "get"), mapped);
        Assert.Empty(missing);
    }

    [Fact]
    public async Task GetDocument_Always_V1NeedsAKeyEitherWayAndHealthIsOpen()
    {
        var (document, _) = await ReadDocumentAsync();
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");

        Assert.Equal("X-API-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
        foreach (var (path, method, operation) in Operations(document))
        {
            var requirements = operation.GetProperty("security").EnumerateArray().Select(r => string.Join(",", r.EnumerateObject().Select(p => p.Name))).ToList();
            if (path.StartsWith("/v1/", StringComparison.Ordinal))
            {
                Assert.True(requirements.SequenceEqual(["ApiKey", "Bearer"]), $"{method} {path}: {string.Join(" | ", requirements)}");
                Assert.True(operation.GetProperty("responses").TryGetProperty("401", out _), $"{method} {path} declares no 401");
                Assert.Contains("Needs a key of scope", operation.GetProperty("description").GetString(), StringComparison.Ordinal);
            }
            else
            {
                Assert.True(requirements.SequenceEqual([""]), $"{method} {path} should be open: {string.Join(" | ", requirements)}");
            }
        }
    }

    [Fact]
    public async Task GetDocument_Always_EveryV1OperationHasASummary()
    {
        var (document, _) = await ReadDocumentAsync();

        var operations = Operations(document).Where(op => op.Path.StartsWith("/v1/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(operations);
        Assert.All(operations, op => Assert.False(
            string.IsNullOrWhiteSpace(op.Operation.TryGetProperty("summary", out var summary) ? summary.GetString() : null),
            $"{op.Method} {op.Path} has no summary"));
    }

    [Fact]
    public async Task GetDocument_Recommendations_DeclaresEveryQueryParameter()
    {
        var (document, _) = await ReadDocumentAsync();
        var operation = document.GetProperty("paths").GetProperty("/v1/users/{userId}/recommendations").GetProperty("get");

        var query = operation.GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query")
            .ToDictionary(p => p.GetProperty("name").GetString()!);

        Assert.Equal(["category", "count", "diversity", "exclude", "offset", "tag"], query.Keys.Order());
        Assert.Equal("integer", query["count"].GetProperty("schema").GetProperty("type").GetString());
        Assert.Contains("from 0 to 1", query["diversity"].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("array", query["exclude"].GetProperty("schema").GetProperty("type").GetString());
    }

    [Fact]
    public async Task GetDocument_PostEvents_DeclaresBodyExamplesAndAnswers()
    {
        var (document, _) = await ReadDocumentAsync();
        var operation = document.GetProperty("paths").GetProperty("/v1/events").GetProperty("post");

        var body = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        var responses = operation.GetProperty("responses");

        var eventSchema = body.GetProperty("schema").GetProperty("properties").GetProperty("events").GetProperty("items");
        Assert.Equal(["itemId", "type", "userId"], eventSchema.GetProperty("required").EnumerateArray().Select(name => name.GetString()).Order());
        Assert.Equal("play", body.GetProperty("example").GetProperty("events")[0].GetProperty("type").GetString());
        Assert.Equal(["202", "400", "401", "403", "413", "415", "429", "503"], responses.EnumerateObject().Select(r => r.Name).Order());
        Assert.Equal(1, responses.GetProperty("202").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task GetDocument_EveryJsonBody_HasAnExample()
    {
        var (document, _) = await ReadDocumentAsync();

        var withoutExample = Operations(document)
            .SelectMany(op => JsonBodies(op.Operation).Select(body => (op, body)))
            .Where(pair => !pair.body.Media.TryGetProperty("example", out _))
            .Select(pair => $"{pair.op.Method} {pair.op.Path} {pair.body.Where}")
            .ToList();

        Assert.Empty(withoutExample);
    }

    private async Task<(JsonElement Document, string Text)> ReadDocumentAsync()
    {
        var response = await _http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return (JsonDocument.Parse(text).RootElement, text);
    }

    /// <summary>Every path and method the app maps, except the document and the reference page themselves.</summary>
    private IEnumerable<(string Path, string Method)> MappedOperations() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(endpoint => (Path: "/" + endpoint.RoutePattern.RawText!.TrimStart('/'), endpoint))
            .Where(pair => !pair.Path.StartsWith("/openapi/", StringComparison.Ordinal) && !pair.Path.StartsWith("/docs", StringComparison.Ordinal))
            .SelectMany(pair => (pair.endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (pair.Path, method.ToLowerInvariant())));

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(member => member.Value.ValueKind == JsonValueKind.Object && member.Value.TryGetProperty("responses", out _))
                .Select(member => (path.Name, member.Name, member.Value)));

    /// <summary>The application/json request body and the application/json success answers of an operation.</summary>
    private static IEnumerable<(string Where, JsonElement Media)> JsonBodies(JsonElement operation)
    {
        if (operation.TryGetProperty("requestBody", out var request) && request.GetProperty("content").TryGetProperty("application/json", out var requestMedia))
        {
            yield return ("request", requestMedia);
        }

        foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')))
        {
            if (response.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var media))
            {
                yield return (response.Name, media);
            }
        }
    }
}
