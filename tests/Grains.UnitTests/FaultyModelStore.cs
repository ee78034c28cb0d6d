using System.Collections.Immutable;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Models;
using AIaaS.Grains.Storage;

namespace AIaaS.Grains.UnitTests;

/// <summary>A model store whose saves fail on command, over a real one.</summary>
internal sealed class FaultyModelStore(IModelStore inner) : IModelStore
{
    private int _failSaves;

    public void FailSaves(int saves) => Volatile.Write(ref _failSaves, saves);

    public Task SaveAsync(StoredModel model, CancellationToken cancellationToken) =>
        Interlocked.Decrement(ref _failSaves) >= 0
            ? throw new StorageUnavailableException("injected: the model store could not be written")
            : inner.SaveAsync(model, cancellationToken);

    public Task<StoredModel> LoadAsync(long version, CancellationToken cancellationToken) => inner.LoadAsync(version, cancellationToken);

    public Task<ImmutableArray<long>> ListVersionsAsync(CancellationToken cancellationToken) => inner.ListVersionsAsync(cancellationToken);

    public Task DeleteAsync(long version, CancellationToken cancellationToken) => inner.DeleteAsync(version, cancellationToken);
}
