namespace AIaaS.Grains.Storage;

/// <summary>Counts over the stored log.</summary>
public sealed record LogTotals(long Events, long Users, long Items);
