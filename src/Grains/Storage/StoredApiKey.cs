using System.Collections.Immutable;
using AIaaS.Grains.Security;

namespace AIaaS.Grains.Storage;

/// <summary>
/// An issued API key as stored: never the key itself, only its SHA-256 <see cref="Hash"/>. <see cref="LastUsedAt"/>
/// is as of the last flush of the silos' use records, so it may lag by their flush interval.
/// </summary>
public sealed record StoredApiKey(string Id, string Name, ApiScope Scope, ImmutableArray<byte> Hash, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);
