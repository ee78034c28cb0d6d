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

    protected override async Task<IInteractionLogStore> OpenAsync() => new PostgreSqlInteractionLogStore(Own(await postgres.NewSchemaAsync()));
}
