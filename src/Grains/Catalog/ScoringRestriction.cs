using AIaaS.Engine.Scoring;

namespace AIaaS.Grains.Catalog;

/// <summary>What a scoring request must leave out beyond its own exclusions: a mask of the allowed items, or (null mask) a few item indices.</summary>
public sealed record ScoringRestriction(ItemMask? Allowed, int[] Excluded);
