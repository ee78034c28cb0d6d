using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace AIaaS.Storage.Sqlite;

/// <summary>
/// The database's one writer: writes queue on a channel and one task drains it, committing whatever is queued in one
/// transaction (group commit: one fsync for many callers). Each write runs inside its own savepoint, so a write that
/// throws is undone alone and fails alone; a failed commit fails every write of the group, and none of them is stored.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private const int MaxGroup = 512;
    private readonly Channel<IWrite> _queue = Channel.CreateUnbounded<IWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _connection;
    private readonly Task _loop;

    public SqliteWriter(SqliteConnection connection)
    {
        _connection = connection;
        _loop = Task.Run(DrainAsync);
    }

    public Task<T> RunAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        var write = new Write<T>(work);
        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(SqliteWriter), "The SQLite database is closed.");
        }

        return write.Done.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        SqliteStatements.Release(_connection);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task DrainAsync()
    {
        var group = new List<IWrite>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var write))
            {
                group.Add(write);
            }

            Commit(group);
            group.Clear();
        }
    }

    private void Commit(List<IWrite> group)
    {
        var failures = new Exception?[group.Count];
        try
        {
            using var transaction = _connection.BeginTransaction();
            for (var i = 0; i < group.Count; i++)
            {
                transaction.Save("w");
                try
                {
                    group[i].Run(_connection, transaction);
                    transaction.Release("w");
                }
#pragma warning disable CA1031 // Whatever one write throws belongs to its caller, not to the others in the group.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    transaction.Rollback("w");
                    transaction.Release("w");
                    failures[i] = ex;
                }
            }

            transaction.Commit();
        }
        catch (SqliteException ex)
        {
            foreach (var write in group)
            {
                write.Fail(ex);
            }

            return;
        }

        for (var i = 0; i < group.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                group[i].Fail(failure);
            }
            else
            {
                group[i].Complete();
            }
        }
    }

    private interface IWrite
    {
        void Run(SqliteConnection connection, SqliteTransaction transaction);

        void Complete();

        void Fail(Exception ex);
    }

    private sealed class Write<T>(Func<SqliteConnection, SqliteTransaction, T> work) : IWrite
    {
        private T _result = default!;

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Run(SqliteConnection connection, SqliteTransaction transaction) => _result = work(connection, transaction);

        public void Complete() => Done.TrySetResult(_result);

        public void Fail(Exception ex) => Done.TrySetException(ex);
    }
}
