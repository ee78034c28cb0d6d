namespace AIaaS.Silo.ClusterTests;

/// <summary>The built silo started as an operator would, from a folder that is not its own.</summary>
public sealed class SettingsLocationTests : IDisposable
{
    private readonly DirectoryInfo _elsewhere = Directory.CreateTempSubdirectory("aiaas-cwd-");
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task Start_FromAnotherWorkingDirectory_UsesAppSettingsBesideTheAssembly()
    {
        using var silo = new SiloProcess("silo", new Dictionary<string, string> { ["Orleans__ClusterId"] = $"cwd-{Guid.NewGuid():N}" })
        {
            WorkingDirectory = _elsewhere.FullName,
        };
        silo.Start();
        await silo.WaitReadyAsync(_http, TimeSpan.FromSeconds(90));

        using var stats = await _http.GetAsync(new Uri(silo.BaseAddress, "/v1/stats"));
        // SIGTERM and exit: the console logger has written everything by then.
        await silo.StopAsync(TimeSpan.FromSeconds(60));

        var output = silo.RecentOutput();
        Assert.True(stats.IsSuccessStatusCode, output);
        // appsettings.json holds Microsoft.AspNetCore at Warning; without it every request logs several Information lines.
        Assert.DoesNotContain("Microsoft.AspNetCore.Hosting.Diagnostics", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.AspNetCore.Routing.EndpointMiddleware", output, StringComparison.Ordinal);
        // The output was captured: Microsoft.Hosting.Lifetime logs at Information in either case.
        Assert.Contains("Application started", output, StringComparison.Ordinal);
        Assert.Equal(0, silo.ExitCode);
    }

    public void Dispose()
    {
        _http.Dispose();
        _elsewhere.Delete(recursive: true);
    }
}
