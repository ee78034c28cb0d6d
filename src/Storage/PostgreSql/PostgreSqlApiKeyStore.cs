using System.Collections.Immutable;
using AIaaS.Grains.Security;
using AIaaS.Grains.Storage;
using AIaaS.Storage.Shared;
using Npgsql;

namespace AIaaS.Storage.PostgreSql;

/// <summary>API keys in PostgreSQL (004_api_keys.sql), shared by every silo: a removal is seen by the next lookup anywhere.</summary>
public sealed class PostgreSqlApiKeyStore(NpgsqlDataSource dataSource) : IApiKeyStore
{
    private const string Select = $"SELECT {ApiKeyRows.Columns} FROM aiaas_api_keys";

    public async Task AddAsync(StoredApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var command = dataSource.CreateCommand(
            "INSERT INTO aiaas_api_keys (id, name, scope, hash, created_at) VALUES ($1, $2, $3, $4, $5)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.Name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.Scope.Name() });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = key.Hash.ToArray() });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = ApiKeyRows.Ticks(key.CreatedAt) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<StoredApiKey?> FindAsync(ImmutableArray<byte> hash, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"{Select} WHERE hash = $1");
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = hash.ToArray() });
        var found = await ApiKeyRows.ReadAsync(command, cancellationToken);
        return found.IsEmpty ? null : found[0];
    }

    public async Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"{Select} ORDER BY created_at, id");
        return await ApiKeyRows.ReadAsync(command, cancellationToken);
    }

    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM aiaas_api_keys WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task RecordUsesAsync(IReadOnlyCollection<ApiKeyUse> uses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uses);
        if (uses.Count == 0)
        {
            return;
        }

        // One statement for all: GREATEST keeps a later time another silo flushed first.
        await using var command = dataSource.CreateCommand(
            "UPDATE aiaas_api_keys k SET last_used_at = GREATEST(COALESCE(k.last_used_at, 0), u.at) "
            + "FROM unnest($1::text[], $2::bigint[]) AS u(id, at) WHERE k.id = u.id");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. uses.Select(u => u.Id)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. uses.Select(u => ApiKeyRows.Ticks(u.At))] });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
