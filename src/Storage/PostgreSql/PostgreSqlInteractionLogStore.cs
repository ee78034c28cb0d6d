using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Storage;
using AIaaS.Storage.Shared;
using Npgsql;

namespace AIaaS.Storage.PostgreSql;

/// <summary>
/// The interaction log in PostgreSQL (001_log.sql), shared by every silo of a cluster: appends through binary COPY
/// into a staging table (<see cref="PostgreSqlLogWrites"/>), reads as binary COPY out, counts from the count tables.
/// </summary>
public sealed class PostgreSqlInteractionLogStore(NpgsqlDataSource dataSource) : IInteractionLogStore
{
    private const string ReadPartition =
        $"COPY (SELECT {PostgreSqlLogRows.RowColumns} FROM aiaas_interaction_log "
        + "WHERE partition = current_setting('aiaas.partition')::integer AND seq > current_setting('aiaas.after')::bigint "
        + "ORDER BY seq LIMIT current_setting('aiaas.limit')::bigint) TO STDOUT (FORMAT BINARY)";

    // A user's replay is a handful of rows on every activation: one parameterized query (one round trip) rather than
    // COPY, whose settings need a transaction and three more.
    private const string ReadUser =
        $"SELECT {PostgreSqlLogRows.Columns} FROM aiaas_interaction_log WHERE user_id = $1 AND seq > $2 ORDER BY seq";

    public async Task<long> GetLastSequenceAsync(int partition, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT last_seq FROM aiaas_log_partitions WHERE partition = $1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = partition });
        return await command.ExecuteScalarAsync(cancellationToken) is long last ? last : -1;
    }

    public async Task<ImmutableArray<long>> AppendAsync(int partition, IReadOnlyList<LoggedEvent> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return [];
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await PostgreSqlLogWrites.AppendAsync(connection, partition, entries, cancellationToken);
    }

    public async Task<ImmutableArray<LoggedEvent>> ReadUserAsync(string userId, long afterSequence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        await using var command = dataSource.CreateCommand(ReadUser);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = userId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await PostgreSqlLogRows.ReadEventsAsync(reader, cancellationToken);
    }

    public async Task<LogRowPage> ReadRowsAsync(int partition, long afterSequence, int maxEvents, ILogRowSink rows, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEvents);
        ArgumentNullException.ThrowIfNull(rows);
        var (count, last, more) = await PostgreSqlLogRows.InTransactionAsync(dataSource,
            "SELECT set_config('aiaas.partition', $1, true), set_config('aiaas.after', $2, true), set_config('aiaas.limit', $3, true)",
            connection => PostgreSqlLogRows.ReadRowsAsync(connection, ReadPartition, afterSequence, maxEvents, rows, cancellationToken), cancellationToken,
            PostgreSqlLogRows.Text(partition), PostgreSqlLogRows.Text(afterSequence), PostgreSqlLogRows.Text(maxEvents + 1L));
        return new LogRowPage(count, last, !more);
    }

    public async Task<ImmutableArray<LoggedEvent>> EraseUserAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await PostgreSqlLogWrites.EraseAsync(connection, userId, cancellationToken);
    }

    public async Task<ImmutableArray<Erasure>> ReadErasuresAsync(long afterId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT id, user_id FROM aiaas_log_erasures WHERE id > $1 ORDER BY id");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterId });
        return await StoreReads.ErasuresAsync(command, cancellationToken);
    }

    public async Task<LogTotals> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT (SELECT COALESCE(SUM(events), 0)::bigint FROM aiaas_log_partitions), (SELECT COUNT(*) FROM aiaas_log_users), (SELECT COUNT(*) FROM aiaas_log_items)");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new LogTotals(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public async Task<long> CountEventsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT COALESCE(SUM(events), 0)::bigint FROM aiaas_log_partitions");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
