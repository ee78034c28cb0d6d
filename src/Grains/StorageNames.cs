namespace AIaaS.Grains;

/// <summary>The grain storage provider the engine's grains use; the host decides what backs it.</summary>
public static class StorageNames
{
    public const string Default = "Default";
}
