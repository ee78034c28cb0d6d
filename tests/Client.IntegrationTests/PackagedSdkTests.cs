using System.Globalization;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace AIaaS.Client.IntegrationTests;

/// <summary>
/// The SDK as a platform team gets it: the packages `dotnet pack` makes, restored by version into the sample under
/// samples/Consumer (outside the solution and the repository's build settings), run against a silo on loopback.
/// </summary>
public sealed class PackagedSdkTests(LoopbackSiloFixture silo, ITestOutputHelper output) : IClassFixture<LoopbackSiloFixture>, IDisposable
{
    // A version no earlier run has put in the NuGet cache, which would otherwise serve a stale package.
    private readonly string _suffix = $"test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("aiaas-packaged-sdk-");

    [Fact]
    public async Task PackedSdk_SampleRestoredFromLocalFolder_PrintsRecommendationsRightAfterItsEvents()
    {
        var repository = RepositoryRoot();
        var prefix = VersionPrefix(repository);
        Assert.Equal(prefix, SampleDefaultVersion(repository));
        var version = $"{prefix}-{_suffix}";

        // The layout the sample's nuget.config expects: the packages in artifacts/packages two folders above it.
        var packages = Path.Combine(_work.FullName, "artifacts", "packages");
        var sample = Path.Combine(_work.FullName, "samples", "Consumer");
        CopySample(Path.Combine(repository, "samples", "Consumer"), sample);
        foreach (var project in new[] { "src/Grains.Interfaces", "src/Client" })
        {
            await DotnetCli.RunAsync(repository, "pack", project, "-c", "Release", "-o", packages,
                "--artifacts-path", Path.Combine(_work.FullName, "build"), $"-p:VersionSuffix={_suffix}");
        }

        Assert.True(File.Exists(Path.Combine(packages, $"AIaaS.Client.{version}.nupkg")));
        Assert.True(File.Exists(Path.Combine(packages, $"AIaaS.Grains.Interfaces.{version}.nupkg")));
        await DotnetCli.RunAsync(sample, "build", "-c", "Release", $"-p:AIaaSClientVersion={version}");
        var printed = await DotnetCli.RunAsync(sample, "run", "--no-build", "-c", "Release", "--",
            $"--RecommendationClient:Gateways:0=127.0.0.1:{silo.GatewayPort.ToString(CultureInfo.InvariantCulture)}",
            $"--RecommendationClient:ClusterId={silo.ClusterId}",
            $"--RecommendationClient:ServiceId={silo.ClusterId}");
        output.WriteLine(printed);

        Assert.Contains("Tracked 9 events for 4 users.", printed, StringComparison.Ordinal);
        var listed = printed.Split('\n').Where(line => line.StartsWith("  film-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(listed);
        // Alice played films 1 and 2: what is recommended is what others played with them, never those two.
        Assert.All(listed, line => Assert.DoesNotMatch(@"^  film-[12] ", line));
        Assert.Contains(listed, line => line.Contains("because you watched film-1", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _work.Delete(recursive: true);
        foreach (var package in new[] { "aiaas.client", "aiaas.grains.interfaces" })
        {
            var versions = new DirectoryInfo(Path.Combine(NuGetCache(), package));
            var cached = new DirectoryInfo(Path.Combine(versions.FullName, $"{VersionPrefix(RepositoryRoot())}-{_suffix}"));
            if (cached.Exists)
            {
                cached.Delete(recursive: true);
            }

            if (versions.Exists && !versions.EnumerateFileSystemInfos().Any())
            {
                versions.Delete();
            }
        }
    }

    private static void CopySample(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private static string VersionPrefix(string repository) =>
        XDocument.Load(Path.Combine(repository, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

    private static string SampleDefaultVersion(string repository) =>
        XDocument.Load(Path.Combine(repository, "samples", "Consumer", "Directory.Build.props"))
            .Descendants("AIaaSClientVersion").Single().Value;

    private static string NuGetCache() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AIaaS.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No AIaaS.sln above {AppContext.BaseDirectory}.");
    }
}
