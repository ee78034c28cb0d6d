using AIaaS.Engine.Models;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Options;
using AIaaS.Grains.Retraining;
using AIaaS.Grains.Storage;
using AIaaS.Storage.Memory;
using AIaaS.Storage.Sqlite;

namespace AIaaS.Grains.UnitTests;

/// <summary>
/// The training's read of the log into its builders: from SQLite, whose rows come with integer keys the reader
/// numbers through, the matrix is the one the same events give from the in-memory store, whose rows come with ids only.
/// </summary>
public sealed class TrainingDataReaderTests : IAsyncDisposable
{
    private const int Partitions = 4;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"aiaas-reader-{Guid.NewGuid():N}");
    private readonly SqliteDatabase _database;
    private readonly EngineOptions _engine = new() { LogPartitions = Partitions };

    public TrainingDataReaderTests() => _database = SqliteDatabase.Open(_folder);

    [Fact]
    public async Task Extend_FromKeyedAndUnkeyedStores_SameMatrixThroughErasureAndReturn()
    {
        var keyed = new SqliteInteractionLogStore(_database);
        var plain = new MemoryInteractionLogStore();
        var sequences = new long[Partitions];
        var (keyedData, plainData) = (new TrainingData(Partitions), new TrainingData(Partitions));

        await AppendAsync([keyed, plain], sequences, Enumerable.Range(0, 300).Select(i => ($"u{i % 23}", $"i{(i * 7) % 11}", EventTypeOf(i))));
        await ExtendAsync(keyed, keyedData);
        await ExtendAsync(plain, plainData);
        Assert.Equal(Rows(plainData), Rows(keyedData));

        // u3 is erased and comes back under a new key; the kept builders drop the old events and read only the new.
        foreach (var store in new IInteractionLogStore[] { keyed, plain })
        {
            await store.EraseUserAsync("u3", CancellationToken.None);
        }

        await AppendAsync([keyed, plain], sequences, [("u3", "i10", EventType.Like), ("u3", "new", EventType.Play), ("u40", "i1", EventType.Play)]);
        Assert.Equal(3, await ExtendAsync(keyed, keyedData));
        Assert.Equal(3, await ExtendAsync(plain, plainData));

        var rows = Rows(keyedData);
        Assert.Equal(Rows(plainData), rows);
        Assert.Equal(24, rows.Count);
        Assert.Contains($"i10:{(float)_engine.WeightOf(EventType.Like, null):R} new:{(float)_engine.WeightOf(EventType.Play, null):R}", rows);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static EventType EventTypeOf(int i) => i % 5 == 0 ? EventType.Skip : i % 3 == 0 ? EventType.Like : EventType.Play;

    private static async Task AppendAsync(IInteractionLogStore[] stores, long[] sequences, IEnumerable<(string User, string Item, EventType Type)> events)
    {
        foreach (var (user, item, type) in events)
        {
            var partition = int.Parse(user.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) % Partitions;
            LoggedEvent entry = new(sequences[partition]++, new InteractionEvent(user, item, type, null, DateTimeOffset.UnixEpoch));
            foreach (var store in stores)
            {
                await store.AppendAsync(partition, [entry], CancellationToken.None);
            }
        }
    }

    private Task<long> ExtendAsync(IInteractionLogStore store, TrainingData data) =>
        TrainingDataReader.ExtendAsync(store, _engine, pageSize: 16, data, _ => { }, CancellationToken.None);

    /// <summary>The matrix's rows as "item:weight …" in item order, sorted: the users' and items' numbering may differ between reads.</summary>
    private static List<string> Rows(TrainingData data)
    {
        var (matrix, items, users) = InteractionMatrixBuilder.Build(data.Builders);
        var rows = new List<string>(users);
        for (var row = 0; row < matrix.Rows; row++)
        {
            var cells = matrix.RowIndices(row).ToArray().Zip(matrix.RowValues(row).ToArray())
                .Select(cell => (Item: items[cell.First], Weight: cell.Second))
                .OrderBy(cell => cell.Item, StringComparer.Ordinal)
                .Select(cell => $"{cell.Item}:{cell.Weight:R}");
            var text = string.Join(' ', cells);
            if (text.Length > 0)
            {
                rows.Add(text);
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
