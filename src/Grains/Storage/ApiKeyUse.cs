namespace AIaaS.Grains.Storage;

/// <summary>The latest time a silo saw key <see cref="Id"/> used.</summary>
public readonly record struct ApiKeyUse(string Id, DateTimeOffset At);
