namespace AIaaS.Silo.ClusterTests;

/// <summary>
/// The embedded default: no provider settings at all, only a data path of its own (deleted on dispose), and save
/// intervals of a second so that a test can wait past them before it kills the silo.
/// </summary>
public sealed class EmbeddedStore : IClusterStore, IDisposable
{
    public string DataPath { get; } = Directory.CreateTempSubdirectory("aiaas-embedded-").FullName;

    public IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>
    {
        ["AIaaS__DataPath"] = DataPath,
        ["AIaaS__Engine__UserSaveInterval"] = "00:00:01",
        ["AIaaS__Engine__ItemFlushInterval"] = "00:00:01",
        ["AIaaS__Engine__TrendingSaveInterval"] = "00:00:01",
    };

    public void Dispose() => Directory.Delete(DataPath, recursive: true);
}
