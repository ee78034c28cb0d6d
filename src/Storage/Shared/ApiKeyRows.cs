using System.Collections.Immutable;
using System.Data.Common;
using AIaaS.Grains.Security;
using AIaaS.Grains.Storage;

namespace AIaaS.Storage.Shared;

/// <summary>The api_keys tables' rows, the same on every database: times as UTC ticks, the scope by its name.</summary>
internal static class ApiKeyRows
{
    /// <summary>The columns <see cref="ReadAsync"/> expects, in order.</summary>
    public const string Columns = "id, name, scope, hash, created_at, last_used_at";

    public static async Task<ImmutableArray<StoredApiKey>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var keys = ImmutableArray.CreateBuilder<StoredApiKey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var scope = reader.GetString(2);
            if (!ApiScopes.TryParse(scope, out var parsed))
            {
                throw new InvalidDataException($"API key '{reader.GetString(0)}' has scope '{scope}', which this build does not know.");
            }

            keys.Add(new StoredApiKey(
                reader.GetString(0),
                reader.GetString(1),
                parsed,
                ImmutableArray.Create((byte[])reader.GetValue(3)),
                Time(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : Time(reader.GetInt64(5))));
        }

        return keys.ToImmutable();
    }

    public static long Ticks(DateTimeOffset time) => time.UtcTicks;

    private static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);
}
