namespace AIaaS.Storage.IntegrationTests.Infrastructure;

/// <summary>A temporary folder, deleted with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("aiaas-storage-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
