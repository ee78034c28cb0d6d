using System.Collections.Immutable;

namespace AIaaS.Grains.Storage;

/// <summary>Catalog rows changed after a revision, in revision order; <see cref="IsEnd"/> when nothing later is stored.</summary>
public sealed record CatalogPage(ImmutableArray<CatalogEntry> Entries, bool IsEnd);
