using System.Collections.Immutable;
using AIaaS.Grains.Models;
using AIaaS.Grains.Storage;

namespace AIaaS.Grains.UnitTests.Models;

/// <summary>A model store over a real one whose loads hand out other item-index bytes on command, to see which index a silo serves.</summary>
internal sealed class IndexSubstitutingModelStore(IModelStore inner) : IModelStore
{
    /// <summary>When set, what a load returns as the version's stored index instead of what was stored.</summary>
    public Func<StoredModel, byte[]>? Substitute { get; set; }

    public Task SaveAsync(StoredModel model, CancellationToken cancellationToken) => inner.SaveAsync(model, cancellationToken);

    public async Task<StoredModel> LoadAsync(long version, CancellationToken cancellationToken)
    {
        var stored = await inner.LoadAsync(version, cancellationToken);
        return Substitute is { } substitute ? stored with { ItemIndexBytes = substitute(stored) } : stored;
    }

    public Task<ImmutableArray<long>> ListVersionsAsync(CancellationToken cancellationToken) => inner.ListVersionsAsync(cancellationToken);

    public Task DeleteAsync(long version, CancellationToken cancellationToken) => inner.DeleteAsync(version, cancellationToken);
}
