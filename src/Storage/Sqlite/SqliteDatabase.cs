using System.Collections.Concurrent;
using AIaaS.Grains.Interfaces;
using AIaaS.Storage.Schema;
using Microsoft.Data.Sqlite;

namespace AIaaS.Storage.Sqlite;

/// <summary>
/// The embedded default's database: one file under the data path, WAL journal, one writer with group commit and
/// pooled readers. <c>synchronous=FULL</c>: every commit is fsync'd before its callers hear of it, so an acknowledged
/// event survives a crash or a power cut, at the cost of one fsync per commit group (docs/benchmarks.md).
/// A lock file keeps a second process off the same data path: the log's partitions are numbered by one writer each.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    public const string FileName = "aiaas.db";
    private const string LockName = "aiaas.lock";

    // The writer's page cache: every append inserts into the user index at random places, and with SQLite's default
    // of 2 MiB nearly each of those pages was read back from the file system on every commit. Each write of a group
    // runs in a savepoint, whose journal of the pages it changes is kept in memory rather than in a temporary file
    // (temp_store): that halved the system time of `aiaas bench log` (3.7 → 1.9 s in one run each).
    private const int WriterCacheKiB = 64 * 1024;
    private readonly SqliteWriter _writer;
    private readonly FileStream _lock;
    private readonly string _readConnection;

    // Open read-only connections with their prepared statements; a read takes one, and gives it back if it succeeded.
    private readonly ConcurrentBag<SqliteConnection> _readers = [];
    private const int MaxIdleReaders = 16;

    private SqliteDatabase(string path, FileStream lockFile, SqliteConnection writer, string readConnection)
    {
        Path = path;
        _lock = lockFile;
        _writer = new SqliteWriter(writer);
        _readConnection = readConnection;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Creates the folder and the database if needed and brings its schema up to date.</summary>
    /// <exception cref="StorageStartupException">The folder cannot be written, another process uses it, or the file is not a usable database; the message names the path.</exception>
    public static SqliteDatabase Open(string dataPath)
    {
        var folder = System.IO.Path.GetFullPath(dataPath);
        var file = System.IO.Path.Combine(folder, FileName);
        FileStream lockFile;
        try
        {
            Directory.CreateDirectory(folder);
            lockFile = new FileStream(System.IO.Path.Combine(folder, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new StorageStartupException($"AIaaS:DataPath '{folder}' is in use by another process or cannot be written: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new StorageStartupException($"AIaaS:DataPath '{folder}' cannot be written: {ex.Message}", ex);
        }

        SqliteThreading.EnsureMultiThread();
        var builder = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 };
        var writer = new SqliteConnection(builder.ToString());
        try
        {
            writer.Open();
            Execute(writer, $"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-{WriterCacheKiB}; PRAGMA temp_store=MEMORY;");
            SqliteSchema.Migrate(writer, file);
        }
        catch (SqliteException ex)
        {
            writer.Dispose();
            lockFile.Dispose();
            throw new StorageStartupException($"AIaaS:DataPath database '{file}' cannot be used: {ex.Message}", ex);
        }
        catch
        {
            writer.Dispose();
            lockFile.Dispose();
            throw;
        }

        builder.Mode = SqliteOpenMode.ReadOnly;
        return new SqliteDatabase(file, lockFile, writer, builder.ToString());
    }

    /// <summary>Runs <paramref name="work"/> on the writer's connection inside the next group commit; completes once that commit is durable.</summary>
    /// <exception cref="StorageUnavailableException">The database could not be written; nothing of <paramref name="work"/> is stored.</exception>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _writer.RunAsync(work, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw new StorageUnavailableException($"The database {Path} could not be written: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Runs <paramref name="read"/> on a pooled read-only connection on the thread pool: readers see the last commit
    /// and never wait for the writer (WAL). Microsoft.Data.Sqlite's async methods complete synchronously, so without
    /// the hop a read would hold the calling grain's turn (and its scheduler thread) for the whole query.
    /// </summary>
    /// <exception cref="StorageUnavailableException">The database could not be read.</exception>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read)
    {
        try
        {
            return await Task.Run(async () =>
            {
                var connection = TakeReader();
                try
                {
                    var result = await read(connection).ConfigureAwait(false);
                    ReturnReader(connection);
                    return result;
                }
                catch
                {
                    Close(connection);
                    throw;
                }
            }).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw new StorageUnavailableException($"The database {Path} could not be read: {ex.Message}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_readers.TryTake(out var reader))
        {
            Close(reader);
        }

        await _writer.DisposeAsync().ConfigureAwait(false);
        await _lock.DisposeAsync().ConfigureAwait(false);
    }

    private SqliteConnection TakeReader()
    {
        if (_readers.TryTake(out var reader))
        {
            return reader;
        }

        var connection = new SqliteConnection(_readConnection);
        connection.Open();
        return connection;
    }

    private void ReturnReader(SqliteConnection connection)
    {
        if (_readers.Count < MaxIdleReaders)
        {
            _readers.Add(connection);
        }
        else
        {
            Close(connection);
        }
    }

    private static void Close(SqliteConnection connection)
    {
        SqliteStatements.Release(connection);
        connection.Dispose();
    }

    internal static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
