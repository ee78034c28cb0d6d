using System.Collections.Immutable;
using AIaaS.Grains.Storage;
using AIaaS.Storage.Shared;

namespace AIaaS.Storage.Sqlite;

/// <summary>API keys in SQLite (005_api_keys.sql): lookups on the pooled readers, changes through the one writer.</summary>
public sealed class SqliteApiKeyStore(SqliteDatabase database) : IApiKeyStore
{
    private const string Select = $"SELECT {ApiKeyRows.Columns} FROM api_keys";

    public Task AddAsync(StoredApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return database.WriteAsync((connection, transaction) =>
        {
            var command = SqliteInteractionLogStore.Command(connection,
                "INSERT INTO api_keys (id, name, scope, hash, created_at) VALUES ($id, $name, $scope, $hash, $created)", transaction);
            command.Parameters.AddWithValue("$id", key.Id);
            command.Parameters.AddWithValue("$name", key.Name);
            command.Parameters.AddWithValue("$scope", Grains.Security.ApiScopes.Name(key.Scope));
            command.Parameters.AddWithValue("$hash", key.Hash.ToArray());
            command.Parameters.AddWithValue("$created", ApiKeyRows.Ticks(key.CreatedAt));
            return command.ExecuteNonQuery();
        }, cancellationToken);
    }

    public async Task<StoredApiKey?> FindAsync(ImmutableArray<byte> hash, CancellationToken cancellationToken)
    {
        var found = await database.ReadAsync(connection =>
        {
            var command = SqliteInteractionLogStore.Command(connection, $"{Select} WHERE hash = $hash");
            command.Parameters.AddWithValue("$hash", hash.ToArray());
            return ApiKeyRows.ReadAsync(command, cancellationToken);
        }).ConfigureAwait(false);
        return found.IsEmpty ? null : found[0];
    }

    public async Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken) =>
        await database.ReadAsync(connection =>
            ApiKeyRows.ReadAsync(SqliteInteractionLogStore.Command(connection, $"{Select} ORDER BY created_at, id"), cancellationToken)).ConfigureAwait(false);

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            var command = SqliteInteractionLogStore.Command(connection, "DELETE FROM api_keys WHERE id = $id", transaction);
            command.Parameters.AddWithValue("$id", id);
            return command.ExecuteNonQuery() > 0;
        }, cancellationToken);

    public Task RecordUsesAsync(IReadOnlyCollection<ApiKeyUse> uses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uses);
        if (uses.Count == 0)
        {
            return Task.CompletedTask;
        }

        return database.WriteAsync((connection, transaction) =>
        {
            foreach (var use in uses)
            {
                var command = SqliteInteractionLogStore.Command(connection,
                    "UPDATE api_keys SET last_used_at = $at WHERE id = $id AND (last_used_at IS NULL OR last_used_at < $at)", transaction);
                command.Parameters.AddWithValue("$id", use.Id);
                command.Parameters.AddWithValue("$at", ApiKeyRows.Ticks(use.At));
                command.ExecuteNonQuery();
            }

            return uses.Count;
        }, cancellationToken);
    }
}
