using AIaaS.Grains.Storage;

namespace AIaaS.Grains.Retraining;

/// <summary>Keeps the newest versions in the model store and deletes the rest; the current version is never deleted.</summary>
internal static class ModelRetention
{
    /// <returns>The versions deleted.</returns>
    public static async Task<int> PruneAsync(IModelStore store, long current, int retain, CancellationToken cancellationToken)
    {
        var versions = await store.ListVersionsAsync(cancellationToken);
        var deleted = 0;
        for (var i = 0; i < versions.Length - retain; i++)
        {
            if (versions[i] != current)
            {
                await store.DeleteAsync(versions[i], cancellationToken);
                deleted++;
            }
        }

        return deleted;
    }
}
