using AIaaS.Storage.Sqlite;

namespace AIaaS.Storage.IntegrationTests.Infrastructure;

/// <summary>The embedded database in a temporary folder, opened the way the silo opens it; closed and deleted on dispose.</summary>
public sealed class SqliteTestDatabase : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private SqliteDatabase? _database;

    public string Folder => _folder.Path;

    public SqliteDatabase Open() => _database = SqliteDatabase.Open(_folder.Path);

    /// <summary>Closes the database, keeping the folder, so that a test can open it again.</summary>
    public async ValueTask CloseAsync()
    {
        if (_database is { } database)
        {
            _database = null;
            await database.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _folder.Dispose();
    }
}
