using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace AIaaS.Silo.ClusterTests;

/// <summary>One silo: the built AIaaS.Silo.dll as its own process, on loopback ports, configured by environment.</summary>
public sealed class SiloProcess : IDisposable
{
    private const int KeptLines = 200;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public SiloProcess(string name, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        Settings = settings;
    }

    public string Name { get; }

    public IReadOnlyDictionary<string, string> Settings { get; }

    public int SiloPort { get; } = FreePort.Next();

    public int GatewayPort { get; } = FreePort.Next();

    public int HttpPort { get; } = FreePort.Next();

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    /// <summary>The address the HTTP API listens on, on <see cref="HttpPort"/>: 127.0.0.1 unless a test says otherwise.</summary>
    public string ListenAddress { get; init; } = "127.0.0.1";

    /// <summary>Where the process starts: the assembly's folder unless a test says otherwise.</summary>
    public string WorkingDirectory { get; init; } = Path.GetDirectoryName(SiloAssembly)!;

    public bool HasExited => _process?.HasExited ?? true;

    /// <summary>The exit code once the process has exited; null while it runs.</summary>
    public int? ExitCode => _process is { HasExited: true } process ? process.ExitCode : null;

    public static string SiloAssembly =>
        typeof(SiloProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SiloAssembly").Value!;

    public void Start()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { SiloAssembly },
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in Settings)
        {
            start.Environment[key] = value;
        }

        start.Environment["Urls"] = $"http://{ListenAddress}:{HttpPort}";
        start.Environment["Orleans__SiloPort"] = SiloPort.ToString();
        start.Environment["Orleans__GatewayPort"] = GatewayPort.ToString();
        start.Environment["Orleans__AdvertisedAddress"] = "127.0.0.1";
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start.");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>SIGTERM, the graceful stop an orchestrator sends; SIGKILL if it has not exited by the deadline.</summary>
    public async Task StopAsync(TimeSpan deadline)
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString()]))
        {
            await term.WaitForExitAsync();
        }

        if (!await WaitForExitAsync(deadline))
        {
            Kill();
        }
    }

    /// <summary>Waits for the process to exit by itself; false if it still runs at the deadline.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await (_process ?? throw new InvalidOperationException($"{Name} was not started.")).WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Polls /health/ready until it answers 200; throws with the recent output if the process exits or the deadline passes.</summary>
    public async Task WaitReadyAsync(HttpClient http, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < deadline)
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"{Name} exited during start-up:{Environment.NewLine}{RecentOutput()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "/health/ready"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not ready within {deadline}:{Environment.NewLine}{RecentOutput()}");
    }

    public string RecentOutput() => string.Join(Environment.NewLine, _output);

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue($"[{Name}] {line}");
        while (_output.Count > KeptLines)
        {
            _output.TryDequeue(out _);
        }
    }
}
