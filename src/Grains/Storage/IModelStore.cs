using System.Collections.Immutable;
using AIaaS.Grains.Models;

namespace AIaaS.Grains.Storage;

/// <summary>Immutable, versioned models: a snapshot and its ONNX scoring graph per version, written once, read by every silo.</summary>
public interface IModelStore
{
    /// <summary>Stores the version whole or not at all; a reader never sees part of it.</summary>
    Task SaveAsync(StoredModel model, CancellationToken cancellationToken);

    /// <exception cref="InvalidOperationException">The version is not stored.</exception>
    Task<StoredModel> LoadAsync(long version, CancellationToken cancellationToken);

    /// <summary>The stored versions, oldest first.</summary>
    Task<ImmutableArray<long>> ListVersionsAsync(CancellationToken cancellationToken);

    /// <summary>Deletes the version and all its chunks; nothing happens when it is not stored.</summary>
    Task DeleteAsync(long version, CancellationToken cancellationToken);
}
