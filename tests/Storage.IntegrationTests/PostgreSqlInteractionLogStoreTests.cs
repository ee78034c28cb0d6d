using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Storage;
using AIaaS.Storage.IntegrationTests.Contracts;
using AIaaS.Storage.IntegrationTests.Infrastructure;
using AIaaS.Storage.PostgreSql;
using Npgsql;

namespace AIaaS.Storage.IntegrationTests;

[RequiresPostgreSql, Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlInteractionLogStoreTests(PostgreSqlFixture postgres) : InteractionLogStoreContract
{
    /// <summary>PostgreSQL's text holds no U+0000 (the ids' rules allow it): such a batch fails whole, and nothing of it is stored.</summary>
    [StorageFact]
    public async Task Append_IdWithANulCharacter_FailsAndStoresNothingOfTheBatch()
    {
        LoggedEvent[] batch = [Events.At(0, "u", "a", "e"), Events.At(1, "nul\0user", "a")];

        await Assert.ThrowsAsync<PostgresException>(() => Store.AppendAsync(0, batch, None));

        Assert.Equal(new LogTotals(0, 0, 0), await Store.CountAsync(None));
        Assert.Equal(-1, await Store.GetLastSequenceAsync(0, None));
        Assert.Equal<long>([0], await Store.AppendAsync(0, [batch[0]], None));
    }

    /// <summary>
    /// On one server session, appends share one staging table that every commit and rollback empties: no append
    /// stores another's rows, a failed one leaves nothing for the next, and the table is not created again each time.
    /// </summary>
    [StorageFact]
    public async Task Append_OneSessionManyAppends_EachStoresItsOwnRowsAndTheStagingTableStaysEmpty()
    {
        var dataSource = Own(await postgres.NewSchemaAsync(sessions: 1));
        var store = new PostgreSqlInteractionLogStore(dataSource);

        Assert.Equal<long>([0, 1], await store.AppendAsync(0, [Events.At(0, "u", "a"), Events.At(1, "v", "b")], None));
        await Assert.ThrowsAsync<PostgresException>(() => store.AppendAsync(0, [Events.At(2, "w", "c"), Events.At(3, "nul\0", "c")], None));
        Assert.Equal<long>([4], await store.AppendAsync(1, [Events.At(4, "u", "c")], None));
        Assert.Equal<long>([5, 5], await store.AppendAsync(0, [Events.At(5, "u", "a", "e"), Events.At(6, "u", "a", "e")], None));

        Assert.Equal(new LogTotals(4, 2, 3), await store.CountAsync(None));
        Assert.Equal([0L, 4L, 5L], (await store.ReadUserAsync("u", -1, None)).Select(e => e.Sequence));
        await using var command = dataSource.CreateCommand("SELECT to_regclass('pg_temp.aiaas_log_staging') IS NOT NULL, (SELECT count(*) FROM aiaas_log_staging)");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.GetBoolean(0), "the staging table outlives the appends on the session");
        Assert.Equal(0L, reader.GetInt64(1));
    }

    /// <summary>
    /// An erasure waits for the appends in flight: an item whose only committed events are the erased user's stays
    /// listed when another partition's uncommitted append counts it (were it unlisted, the count would name an item
    /// the log does not list once that append commits).
    /// </summary>
    [StorageFact]
    public async Task EraseUser_AppendOfAnotherPartitionInFlight_WaitsForItAndKeepsTheItemListed()
    {
        var dataSource = Own(await postgres.NewSchemaAsync());
        var store = new PostgreSqlInteractionLogStore(dataSource);
        await store.AppendAsync(0, [Events.At(0, "erased", "shared"), Events.At(1, "erased", "alone")], None);

        // What an append of one event to partition 5 writes before its commit, by hand so that it stays open.
        await using var inFlight = await dataSource.OpenConnectionAsync();
        await using var transaction = await inFlight.BeginTransactionAsync();
        await using (var append = new NpgsqlCommand(
            "INSERT INTO aiaas_interaction_log (partition, seq, user_id, item_id, type, ts) VALUES (5, 0, 'other', 'shared', 0, 0); "
            + "INSERT INTO aiaas_log_partitions (partition, last_seq, events) VALUES (5, 0, 1); INSERT INTO aiaas_log_users (user_id) VALUES ('other'); "
            + "INSERT INTO aiaas_log_item_counts (partition, item_id, events) VALUES (5, 'shared', 1)", inFlight, transaction))
        {
            await append.ExecuteNonQueryAsync();
        }

        var erasure = store.EraseUserAsync("erased", None);
        await Task.Delay(300);
        var finishedWhileOpen = erasure.IsCompleted;
        await transaction.CommitAsync();
        await erasure;

        Assert.False(finishedWhileOpen, "the erasure waits for the append in flight");
        Assert.Equal(new LogTotals(1, 1, 1), await store.CountAsync(None));
    }

    protected override async Task<IInteractionLogStore> OpenAsync() => new PostgreSqlInteractionLogStore(Own(await postgres.NewSchemaAsync()));
}
