using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Interfaces;

/// <summary>
/// The high-volume entry point for batches that span many users: one log append per partition, one
/// call per user, one call per item. Stateless and local to the silo that receives the batch.
/// </summary>
[Alias("AIaaS.IIngestGrain")]
public interface IIngestGrain : IGrainWithIntegerKey
{
    /// <summary>Validates the whole batch, appends it durably, then applies it to users and items. Returns how many were new and how many repeats.</summary>
    [Alias("Ingest")]
    ValueTask<IngestResult> IngestAsync(ImmutableArray<InteractionEvent> events);
}
