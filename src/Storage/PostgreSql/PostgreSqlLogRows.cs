using System.Collections.Immutable;
using System.Globalization;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Storage;
using Npgsql;
using NpgsqlTypes;

namespace AIaaS.Storage.PostgreSql;

/// <summary>
/// Log rows over binary COPY, both ways. COPY takes no bind parameters, so a read's values travel as parameters of
/// <c>set_config</c> into settings (<c>aiaas.*</c>) that the constant COPY query reads back with <c>current_setting</c>:
/// no value is ever spliced into SQL text. The settings are local to the read's transaction, so that they neither
/// outlive it on a pooled connection nor get lost behind a transaction-pooling proxy such as PgBouncer.
/// </summary>
internal static class PostgreSqlLogRows
{
    /// <summary>The columns every read returns, in the order <see cref="ReadAllAsync"/> reads them.</summary>
    public const string Columns = "seq, user_id, item_id, type, value, ts, event_id";

    /// <summary>The columns a partition read for training returns, in the order <see cref="ReadRowsAsync"/> reads them.</summary>
    public const string RowColumns = "seq, user_id, item_id, type, value";

    /// <summary>In one transaction, sets the settings that <paramref name="settings"/> names to <paramref name="values"/>, then runs <paramref name="read"/>.</summary>
    public static async Task<T> InTransactionAsync<T>(
        NpgsqlDataSource dataSource, string settings, Func<NpgsqlConnection, Task<T>> read, CancellationToken cancellationToken, params string[] values)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await SetAsync(connection, transaction, settings, cancellationToken, values);
        var result = await read(connection);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Sets the transaction's settings named in <paramref name="sql"/> (<c>SELECT set_config('aiaas.x', $1, true), …</c>) to <paramref name="values"/>.</summary>
    public static async Task SetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params string[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A number as a setting's text.</summary>
    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="copy"/> (<c>COPY (… RETURNING/SELECT <see cref="Columns"/> …) TO STDOUT (FORMAT BINARY)</c>) and reads its rows.</summary>
    public static async Task<ImmutableArray<LoggedEvent>> ReadAllAsync(NpgsqlConnection connection, string copy, int capacityHint, CancellationToken cancellationToken)
    {
        var events = ImmutableArray.CreateBuilder<LoggedEvent>(Math.Min(capacityHint, 4096));
        await using var export = await connection.BeginBinaryExportAsync(copy, cancellationToken);
        while (await export.StartRowAsync(cancellationToken) != -1)
        {
            var sequence = await export.ReadAsync<long>(NpgsqlDbType.Bigint, cancellationToken);
            var userId = await export.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken);
            var itemId = await export.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken);
            var type = (EventType)await export.ReadAsync<int>(NpgsqlDbType.Integer, cancellationToken);
            var value = export.IsNull ? await SkipNullAsync(export, (float?)null, cancellationToken) : await export.ReadAsync<float>(NpgsqlDbType.Real, cancellationToken);
            var ticks = await export.ReadAsync<long>(NpgsqlDbType.Bigint, cancellationToken);
            var eventId = export.IsNull ? await SkipNullAsync(export, (string?)null, cancellationToken) : await export.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken);
            events.Add(new LoggedEvent(sequence, new InteractionEvent(userId, itemId, type, value, new DateTimeOffset(ticks, TimeSpan.Zero)) { EventId = eventId }));
        }

        return events.ToImmutable();
    }

    /// <summary>The rows of a query over <see cref="Columns"/>, in its order.</summary>
    public static async Task<ImmutableArray<LoggedEvent>> ReadEventsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var events = ImmutableArray.CreateBuilder<LoggedEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new LoggedEvent(reader.GetInt64(0), new InteractionEvent(
                reader.GetString(1), reader.GetString(2), (EventType)reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetFloat(4),
                new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero))
            {
                EventId = reader.IsDBNull(6) ? null : reader.GetString(6),
            }));
        }

        return events.ToImmutable();
    }

    /// <summary>
    /// Runs <paramref name="copy"/> (<c>COPY (SELECT <see cref="RowColumns"/> …) TO STDOUT (FORMAT BINARY)</c>, limited to
    /// one row past the page) and hands up to <paramref name="maxRows"/> of its rows to <paramref name="rows"/>.
    /// </summary>
    /// <returns>How many rows, the last one's sequence (<paramref name="afterSequence"/> when none), and whether a row came past them.</returns>
    public static async Task<(int Rows, long LastSequence, bool More)> ReadRowsAsync(
        NpgsqlConnection connection, string copy, long afterSequence, int maxRows, ILogRowSink rows, CancellationToken cancellationToken)
    {
        var (count, last, more) = (0, afterSequence, false);
        await using var export = await connection.BeginBinaryExportAsync(copy, cancellationToken);
        while (await export.StartRowAsync(cancellationToken) is var columns && columns != -1)
        {
            if (count == maxRows)
            {
                // The row past the page only says that the partition goes on.
                more = true;
                for (var column = 0; column < columns; column++)
                {
                    await export.SkipAsync(cancellationToken);
                }

                continue;
            }

            last = await export.ReadAsync<long>(NpgsqlDbType.Bigint, cancellationToken);
            var userId = await export.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken);
            var itemId = await export.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken);
            var type = (EventType)await export.ReadAsync<int>(NpgsqlDbType.Integer, cancellationToken);
            var value = export.IsNull ? await SkipNullAsync(export, (float?)null, cancellationToken) : await export.ReadAsync<float>(NpgsqlDbType.Real, cancellationToken);
            rows.Add(last, userId, itemId, type, value);
            count++;
        }

        return (count, last, more);
    }

    /// <summary>Writes <paramref name="entries"/>[<paramref name="indexes"/>] into the staging table, each with its index as <c>ord</c>.</summary>
    public static async Task WriteStagingAsync(NpgsqlConnection connection, IReadOnlyList<LoggedEvent> entries, List<int> indexes, CancellationToken cancellationToken)
    {
        await using var import = await connection.BeginBinaryImportAsync(
            "COPY aiaas_log_staging (ord, seq, user_id, item_id, type, value, ts, event_id) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var i in indexes)
        {
            var entry = entries[i];
            var e = entry.Event;
            await import.StartRowAsync(cancellationToken);
            await import.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken);
            await import.WriteAsync(entry.Sequence, NpgsqlDbType.Bigint, cancellationToken);
            await import.WriteAsync(e.UserId, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(e.ItemId, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync((int)e.Type, NpgsqlDbType.Integer, cancellationToken);
            await (e.Value is { } value ? import.WriteAsync(value, NpgsqlDbType.Real, cancellationToken) : import.WriteNullAsync(cancellationToken));
            await import.WriteAsync(e.Timestamp.UtcTicks, NpgsqlDbType.Bigint, cancellationToken);
            await (e.EventId is { } eventId ? import.WriteAsync(eventId, NpgsqlDbType.Text, cancellationToken) : import.WriteNullAsync(cancellationToken));
        }

        await import.CompleteAsync(cancellationToken);
    }

    /// <summary>Steps over a null column; returns <paramref name="none"/>, the null of the column's type.</summary>
    private static async Task<T> SkipNullAsync<T>(NpgsqlBinaryExporter export, T none, CancellationToken cancellationToken)
    {
        await export.SkipAsync(cancellationToken);
        return none;
    }
}
