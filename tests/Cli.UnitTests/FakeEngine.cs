using System.Net;
using System.Text.Json;

namespace AIaaS.Cli.UnitTests;

/// <summary>Stands in for the engine's HTTP API: records the events it receives, or answers with a problem.</summary>
internal sealed class FakeEngine(HttpStatusCode status = HttpStatusCode.Accepted, string? problemDetail = null) : HttpMessageHandler
{
    private readonly Lock _lock = new();

    public List<JsonElement> Events { get; } = [];

    public int Requests { get; private set; }

    public HttpClient Client() => new(this) { BaseAddress = new Uri("http://127.0.0.1:5080") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        using var json = JsonDocument.Parse(body);
        lock (_lock)
        {
            Requests++;
            foreach (var e in json.RootElement.GetProperty("events").EnumerateArray())
            {
                Events.Add(e.Clone());
            }
        }

        var content = problemDetail is null
            ? "{\"accepted\":1}"
            : JsonSerializer.Serialize(new { status = (int)status, detail = problemDetail });
        return new HttpResponseMessage(status) { Content = new StringContent(content), RequestMessage = request };
    }
}
