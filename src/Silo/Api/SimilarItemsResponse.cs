using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Silo.Api;

internal sealed record SimilarItemsResponse(string ItemId, ImmutableArray<RecommendedItem> Items);
