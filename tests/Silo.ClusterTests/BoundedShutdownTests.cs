using System.Net;
using System.Text;
using System.Text.Json;

namespace AIaaS.Silo.ClusterTests;

/// <summary>A silo stopped the way an orchestrator stops it (SIGTERM) after its store went away.</summary>
public sealed class BoundedShutdownTests : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [PostgreSqlFact]
    public async Task Sigterm_StoreGone_ExitsWithinTheShutdownTimeoutNamingWhatWasNotSaved()
    {
        using var postgres = new PostgreSqlServer();
        var init = await AiaasCli.RunAsync("db", "init", "--scripts", PostgreSqlFactAttribute.ScriptsFolder!, "--connection", postgres.ConnectionString);
        Assert.True(init.Exit == 0, init.Error);
        var id = $"shutdown-{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string>(postgres.SiloSettings)
        {
            ["Orleans__ClusterId"] = id,
            ["Orleans__ServiceId"] = id,
            ["AIaaS__Host__ShutdownTimeout"] = "00:00:05",
            // Users then hold unsaved changes until they deactivate.
            ["AIaaS__Engine__UserSaveInterval"] = "01:00:00",
            // Every failed save logs a stack trace; the line this test reads must not scroll out of the kept output.
            ["Logging__LogLevel__Orleans"] = "Critical",
        };
        using var silo = new SiloProcess("silo", settings);
        silo.Start();
        await silo.WaitReadyAsync(_http, TimeSpan.FromSeconds(90));
        var events = Enumerable.Range(0, 50).Select(u => new { userId = $"u{u}", itemId = $"i{u % 7}", type = "play" });
        using var posted = await _http.PostAsync(new Uri(silo.BaseAddress, "/v1/events"),
            new StringContent(JsonSerializer.Serialize(new { events }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);

        postgres.Kill();
        // Far past the 5 s timeout and its 5 s grace: a silo still running then is SIGKILLed and exits 137.
        await silo.StopAsync(TimeSpan.FromSeconds(60));

        var output = silo.RecentOutput();
        Assert.True(silo.ExitCode == 3, $"exit code {silo.ExitCode}:{Environment.NewLine}{output}");
        Assert.Contains("The silo did not stop within 00:00:10", output, StringComparison.Ordinal);
        Assert.Matches(@"exiting with \d+ grain activations not deactivated .*user/u\d+", output);
    }

    public void Dispose() => _http.Dispose();
}
