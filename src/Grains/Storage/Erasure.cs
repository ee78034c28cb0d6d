namespace AIaaS.Grains.Storage;

/// <summary>One recorded erasure of a user's log entries; <see cref="Id"/> grows with each erasure.</summary>
public sealed record Erasure(long Id, string UserId);
