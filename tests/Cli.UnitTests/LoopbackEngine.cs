using System.Collections.Concurrent;
using System.Net;
using System.Text;
using AIaaS.Silo.ClusterTests;

namespace AIaaS.Cli.UnitTests;

/// <summary>
/// A real HTTP server on 127.0.0.1 answering canned JSON per path (DESIGN.md's shapes; a path ending in '*' answers
/// every path it begins), so commands run through their own HttpClient; records each request's method, path, query
/// and X-API-Key. Unknown paths: 404 problem.
/// </summary>
internal sealed class LoopbackEngine : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyDictionary<string, (int Status, string Body)> _answers;

    public LoopbackEngine(IReadOnlyDictionary<string, (int Status, string Body)> answers)
    {
        _answers = answers;
        Address = $"http://127.0.0.1:{FreePort.Next()}";
        _listener.Prefixes.Add(Address + "/");
        _listener.Start();
        _ = ServeAsync();
    }

    public string Address { get; }

    public ConcurrentQueue<(string Method, string PathAndQuery, string? ApiKey)> Requests { get; } = new();

    public static LoopbackEngine Answering(params (string Path, int Status, string Body)[] answers) =>
        new(answers.ToDictionary(a => a.Path, a => (a.Status, a.Body)));

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var request = context.Request;
            Requests.Enqueue((request.HttpMethod, request.Url!.PathAndQuery, request.Headers["X-API-Key"]));
            var (status, body) = AnswerFor(request.Url.AbsolutePath);
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = body.StartsWith('{') ? "application/json" : "text/plain";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();

    /// <summary>The path's own answer, else that of a key ending in '*' the path starts with.</summary>
    private (int Status, string Body) AnswerFor(string path)
    {
        if (_answers.TryGetValue(path, out var answer)) return answer;
        foreach (var (key, value) in _answers)
        {
            if (key.EndsWith('*') && path.StartsWith(key[..^1], StringComparison.Ordinal)) return value;
        }

        return (404, $$"""{"status":404,"detail":"no canned answer for {{path}}"}""");
    }
}
