using System.Diagnostics;
using System.Globalization;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Storage.Sqlite;

namespace AIaaS.Cli.Bench;

/// <summary>
/// The embedded log's append path without the silo around it: commit groups as the ingest path makes them (each of
/// the 16 partitions writing its share of a batch at once, one fsync'd commit), over users and items drawn uniformly,
/// into a fresh database filled first so that the user index is far larger than one commit touches.
/// </summary>
internal sealed class LogAppendBench(int users, int items, int eventsPerCommit, bool eventIds)
{
    private const int Partitions = 16;
    private readonly long[] _next = new long[Partitions];
    private readonly Random _random = new(11);

    /// <summary>The events of one commit group: the requested number, rounded down to a whole share per partition.</summary>
    public int EventsPerCommit => eventsPerCommit / Partitions * Partitions;

    /// <summary>Fills the log with <paramref name="prefill"/> events, then times <paramref name="commits"/> commit groups; returns each one's seconds.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled between two commit groups.</exception>
    public async Task<List<double>> RunAsync(string folder, long prefill, int commits, CancellationToken cancellationToken)
    {
        await using var database = SqliteDatabase.Open(folder);
        var log = new SqliteInteractionLogStore(database);
        for (long filled = 0; filled < prefill; filled += EventsPerCommit)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await CommitAsync(log);
        }

        var seconds = new List<double>(commits);
        for (var i = 0; i < commits; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            await CommitAsync(log);
            seconds.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        return seconds;
    }

    private Task CommitAsync(SqliteInteractionLogStore log)
    {
        var writes = new Task[Partitions];
        for (var p = 0; p < Partitions; p++)
        {
            var entries = new List<LoggedEvent>(eventsPerCommit / Partitions);
            for (var i = 0; i < eventsPerCommit / Partitions; i++)
            {
                var user = (_random.Next(users / Partitions) * Partitions + p).ToString(CultureInfo.InvariantCulture);
                var item = _random.Next(items).ToString(CultureInfo.InvariantCulture);
                var e = new InteractionEvent(user, item, EventType.Play, null, DateTimeOffset.UnixEpoch.AddSeconds(_next[p]))
                {
                    EventId = eventIds ? Guid.NewGuid().ToString("N") : null,
                };
                entries.Add(new LoggedEvent(_next[p]++, e));
            }

            writes[p] = log.AppendAsync(p, entries, CancellationToken.None);
        }

        return Task.WhenAll(writes);
    }
}
