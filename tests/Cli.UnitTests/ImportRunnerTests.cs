using System.Net;
using AIaaS.Cli.Http;
using AIaaS.Cli.Import;
using AIaaS.Engine.Data;

namespace AIaaS.Cli.UnitTests;

public sealed class ImportRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aiaas-import-").FullName;

    [Fact]
    public async Task RunAsync_SmallDataset_SendsEveryEventOnceInBatches()
    {
        var lines = Enumerable.Range(1, 25).Select(i => $"{i % 4 + 1}\t{i}\t{i % 5 + 1}\t{881250949 + i}");
        File.WriteAllLines(Path.Combine(_dir, "u.data"), lines);
        using var engine = new FakeEngine();
        using var http = engine.Client();

        var result = await new ImportRunner(http, batchSize: 10, concurrency: 3).RunAsync(MovieLens.Load(_dir), null, CancellationToken.None);

        Assert.Equal(25, result.Events);
        Assert.Equal(3, engine.Requests);
        Assert.Equal(Enumerable.Range(1, 25).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(),
            engine.Events.Select(e => e.GetProperty("itemId").GetString()).Order());
        Assert.All(engine.Events, e => Assert.Equal("rating", e.GetProperty("type").GetString()));
        var first = engine.Events.Single(e => e.GetProperty("itemId").GetString() == "1");
        Assert.Equal("2", first.GetProperty("userId").GetString());
        Assert.Equal(2, first.GetProperty("value").GetSingle());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(881250950), first.GetProperty("timestamp").GetDateTimeOffset());
    }

    [Fact]
    public async Task RunAsync_ServerRejects_ThrowsWithTheProblemDetail()
    {
        File.WriteAllLines(Path.Combine(_dir, "u.data"), ["1\t1\t5\t881250949"]);
        using var engine = new FakeEngine(HttpStatusCode.BadRequest, "events[0].value must be a rating from 1 to 5 for a rating event.");
        using var http = engine.Client();

        var error = await Assert.ThrowsAsync<EngineRequestException>(
            () => new ImportRunner(http, 10, 1).RunAsync(MovieLens.Load(_dir), null, CancellationToken.None));

        Assert.Contains("400", error.Message, StringComparison.Ordinal);
        Assert.Contains("events[0].value", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
