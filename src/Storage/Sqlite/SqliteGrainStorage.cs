using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace AIaaS.Storage.Sqlite;

/// <summary>
/// Orleans grain state in SQLite (002_grain_state.sql), serialized with the silo's grain storage serializer. Writes
/// join the database's group commit; an etag per row turns a write from a stale copy into an
/// <see cref="InconsistentStateException"/>, as Orleans' own providers do.
/// </summary>
public sealed class SqliteGrainStorage(SqliteDatabase database, IGrainStorageSerializer serializer) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        database.ReadAsync(async connection =>
        {
            var command = SqliteInteractionLogStore.Command(connection, "SELECT etag, data FROM grain_state WHERE state_name = $n AND grain_id = $g");
            command.Parameters.AddWithValue("$n", stateName);
            command.Parameters.AddWithValue("$g", grainId.ToString());
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                grainState.ETag = null;
                grainState.RecordExists = false;
                return false;
            }

            var etag = reader.GetInt64(0);
            var data = (byte[])reader.GetValue(1);
            grainState.State = serializer.Deserialize<T>(new BinaryData(data));
            grainState.ETag = etag.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
            return true;
        });

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = serializer.Serialize(grainState.State).ToArray();
        var expected = grainState.ETag;
        var id = grainId.ToString();
        var etag = await database.WriteAsync((connection, transaction) =>
        {
            var next = CheckETag(connection, transaction, stateName, id, expected) + 1;
            var upsert = SqliteInteractionLogStore.Command(connection,
                "INSERT INTO grain_state (state_name, grain_id, etag, data) VALUES ($n, $g, $e, $d) "
                + "ON CONFLICT (state_name, grain_id) DO UPDATE SET etag = excluded.etag, data = excluded.data", transaction);
            upsert.Parameters.AddWithValue("$n", stateName);
            upsert.Parameters.AddWithValue("$g", id);
            upsert.Parameters.AddWithValue("$e", next);
            upsert.Parameters.AddWithValue("$d", data);
            upsert.ExecuteNonQuery();
            return next;
        });
        grainState.ETag = etag.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var expected = grainState.ETag;
        var id = grainId.ToString();
        await database.WriteAsync((connection, transaction) =>
        {
            CheckETag(connection, transaction, stateName, id, expected);
            var delete = SqliteInteractionLogStore.Command(connection, "DELETE FROM grain_state WHERE state_name = $n AND grain_id = $g", transaction);
            delete.Parameters.AddWithValue("$n", stateName);
            delete.Parameters.AddWithValue("$g", id);
            return delete.ExecuteNonQuery();
        });
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>The stored etag (0 when no row), after checking it is the one the caller read.</summary>
    private static long CheckETag(SqliteConnection connection, SqliteTransaction transaction, string stateName, string grainId, string? expected)
    {
        var select = SqliteInteractionLogStore.Command(connection, "SELECT etag FROM grain_state WHERE state_name = $n AND grain_id = $g", transaction);
        select.Parameters.AddWithValue("$n", stateName);
        select.Parameters.AddWithValue("$g", grainId);
        var stored = select.ExecuteScalar() is long etag ? etag : (long?)null;
        var storedText = stored?.ToString(CultureInfo.InvariantCulture);
        if (!string.Equals(storedText, expected, StringComparison.Ordinal))
        {
            throw new InconsistentStateException($"The stored state {stateName} of {grainId} has etag '{storedText}', not '{expected}'.", storedText, expected);
        }

        return stored ?? 0;
    }
}
