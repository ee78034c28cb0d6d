using System.Diagnostics;

namespace AIaaS.Silo.ClusterTests;

/// <summary>
/// A throwaway PostgreSQL cluster (initdb) in a temporary folder, listening on a free loopback port with trust
/// authentication and no fsync; killed and deleted on dispose. PostgreSQL refuses to run as root, so under root
/// (as in CI) initdb and postgres run as the <c>postgres</c> user that Debian's package creates.
/// </summary>
public sealed class PostgreSqlServer : IClusterStore, IDisposable
{
    public const string NotInstalled =
        "PostgreSQL's initdb and postgres are not installed: apt-get install -y postgresql (.ci/run does this) to run the PostgreSQL cluster test.";

    private const string SystemUser = "postgres";
    private readonly string _folder = Directory.CreateTempSubdirectory("aiaas-pg-").FullName;
    private readonly Process _process;

    public PostgreSqlServer()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(NotInstalled);
        Port = FreePort.Next();
        var data = Path.Combine(_folder, "data");
        if (Environment.UserName == "root")
        {
            Run("chown", SystemUser, _folder);
        }

        Run(AsServerUser(Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"));
        _process = Process.Start(AsServerUser(
            Path.Combine(bin, "postgres"), "-D", data, "-p", Port.ToString(), "-k", _folder,
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off",
            // Sized as docs/cluster.md asks (two pools of 20 a silo, for up to three silos), not PostgreSQL's default 100.
            "-c", "max_connections=200"))
            ?? throw new InvalidOperationException("postgres did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Loopback.WaitUntilListening(Port, "postgres", TimeSpan.FromSeconds(30));
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    public IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>
    {
        ["Orleans__Providers__Clustering"] = "PostgreSql",
        ["Orleans__Providers__Storage"] = "PostgreSql",
        ["Orleans__Providers__Reminders"] = "PostgreSql",
        ["ConnectionStrings__PostgreSql"] = ConnectionString,
    };

    /// <summary>The folder holding initdb and postgres: on PATH, or Debian's /usr/lib/postgresql/N/bin (newest N).</summary>
    public static string? FindBinaries()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, "bin"))
            : [];
        var initdb = Executable.Find("initdb", debian);
        return initdb is not null && File.Exists(Path.Combine(Path.GetDirectoryName(initdb)!, "postgres"))
            ? Path.GetDirectoryName(initdb)
            : null;
    }

    /// <summary>Why the server cannot run here, or null when it can.</summary>
    public static string? CannotRun() =>
        FindBinaries() is null ? NotInstalled
        : Environment.UserName == "root" && Executable.Find("runuser", "/usr/sbin", "/sbin") is null
            ? "running as root needs runuser to start PostgreSQL as the postgres user."
            : null;

    /// <summary>SIGKILL, backends and all: the store goes away under whoever uses it.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            // The whole tree: under root the process started is runuser, and postgres has backends beneath it.
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static ProcessStartInfo AsServerUser(string executable, params string[] arguments)
    {
        var start = Environment.UserName == "root"
            ? new ProcessStartInfo("runuser") { ArgumentList = { "-u", SystemUser, "--", executable } }
            : new ProcessStartInfo(executable);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        return start;
    }

    private static void Run(string executable, params string[] arguments) => Run(new ProcessStartInfo(executable, arguments)
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    });

    private static void Run(ProcessStartInfo start)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}): {error.Result}");
        }
    }
}
