using System.Diagnostics;

namespace AIaaS.Silo.ClusterTests;

/// <summary>A throwaway redis-server on a free loopback port, without persistence; killed on dispose.</summary>
public sealed class RedisServer : IClusterStore, IDisposable
{
    private readonly Process _process;

    public RedisServer()
    {
        var executable = Find() ?? throw new InvalidOperationException(RedisFactAttribute.NotInstalled);
        Port = FreePort.Next();
        _process = Process.Start(new ProcessStartInfo(executable)
        {
            ArgumentList = { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        Loopback.WaitUntilListening(Port, "redis-server", TimeSpan.FromSeconds(10));
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>
    {
        ["Orleans__Providers__Clustering"] = "Redis",
        ["Orleans__Providers__Storage"] = "Redis",
        ["Orleans__Providers__Reminders"] = "Redis",
        ["ConnectionStrings__Redis"] = ConnectionString,
    };

    /// <summary>redis-server on PATH, or in /usr/bin where Debian's package puts it.</summary>
    public static string? Find() => Executable.Find("redis-server", "/usr/bin", "/usr/sbin");

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5_000);
        }

        _process.Dispose();
    }
}
