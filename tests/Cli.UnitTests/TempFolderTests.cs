namespace AIaaS.Cli.UnitTests;

/// <summary>Base of tests that write their own tiny data: a fresh temporary folder per test, deleted afterwards.</summary>
public abstract class TempFolderTests : IDisposable
{
    protected string Folder { get; } = Directory.CreateTempSubdirectory("aiaas-cli-").FullName;

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
