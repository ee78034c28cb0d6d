using System.Text.Json;
using AIaaS.Cli.Http;
using AIaaS.Cli.Import;
using AIaaS.Engine.Data;
using AIaaS.Engine.Evaluation;

namespace AIaaS.Cli.Commands;

/// <summary>
/// `aiaas evaluate --server URL`: the ranking protocol through the served path. Imports the train part of
/// the split over HTTP into an empty engine, retrains, waits until the new version serves, then asks the
/// HTTP API for every test user's top 10 (with the request's --diversity, 0 unless named, rather than the engine's
/// configured default, so that the figures compare with `evaluate` offline at the same λ) and scores them exactly as
/// the offline evaluation does.
/// </summary>
internal static class OnlineEvaluation
{
    private const int K = 10;
    private static readonly TimeSpan TrainingTimeout = TimeSpan.FromMinutes(30);

    public static async Task<int> RunAsync(EvaluationRequest request, string server, string? apiKey, CancellationToken cancellationToken)
    {
        if (request.Protocol != "ranking" || request.Model != "als")
        {
            return CliErrors.Fail("online evaluation (--server) supports --model als --protocol ranking: the engine serves an ALS model");
        }

        var dataset = MovieLens.Load(request.Data);
        var dense = DenseRatings.From(dataset);
        var split = EvaluationSplits.Ranking(dense, request.Seed);
        using var http = EngineHttp.Create(server, apiKey);

        var stats = await EngineResponse.GetJsonAsync(http, "/v1/stats", cancellationToken);
        if (stats.GetProperty("events").GetInt64() > 0)
        {
            return CliErrors.Fail($"the engine at {server} already holds {stats.GetProperty("events").GetInt64()} events: online evaluation needs an empty engine");
        }

        var train = Subset(dataset, split.Train);
        await ImportProgress.RunAsync(train.Count, progress => new ImportRunner(http, 1000, 4).RunAsync(train, progress, cancellationToken));
        var model = await RetrainAsync(http, cancellationToken);
        var version = model.GetProperty("version").GetInt64();

        var test = dense.ToMatrix(split.Test);
        var report = await ScoreServedAsync(http, dense, test, version, request.Diversity, cancellationToken);
        var output = new MetricsOutput()
            .Add("data", request.Data)
            .Add("model", "als")
            .Add("protocol", request.Protocol)
            .Add("seed", request.Seed)
            .Add("server", server)
            .Add("modelVersion", version)
            .Add("diversity", request.Diversity)
            .Add("precision@10", report.Precision).Add("recall@10", report.Recall).Add("ndcg@10", report.Ndcg)
            .Add("map@10", report.Map).Add("coverage", report.Coverage).Add("users", report.Users)
            .Add("trainSeconds", model.GetProperty("metrics").GetProperty("trainSeconds").GetDouble());
        output.Write(request.Json);
        return 0;
    }

    private static RatingDataset Subset(RatingDataset data, int[] records)
    {
        var users = new int[records.Length];
        var items = new int[records.Length];
        var ratings = new float[records.Length];
        var timestamps = new long[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            var r = records[i];
            (users[i], items[i], ratings[i], timestamps[i]) = (data.UserIds[r], data.ItemIds[r], data.Ratings[r], data.Timestamps[r]);
        }

        return new RatingDataset(users, items, ratings, timestamps, data.SourcePath);
    }

    /// <summary>Starts a retraining and waits until it produced a new version and this engine serves it.</summary>
    private static async Task<JsonElement> RetrainAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var before = (await EngineResponse.GetJsonAsync(http, "/v1/model", cancellationToken)).GetProperty("version") is { ValueKind: JsonValueKind.Number } v ? v.GetInt64() : 0;
        using var started = await http.PostAsync("/v1/model/retrain", null, cancellationToken);
        await EngineResponse.EnsureSuccessAsync(started, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TrainingTimeout);
        while (true)
        {
            await Task.Delay(250, timeout.Token);
            var model = await EngineResponse.GetJsonAsync(http, "/v1/model", timeout.Token);
            var training = model.GetProperty("training").GetBoolean();
            var version = model.GetProperty("version") is { ValueKind: JsonValueKind.Number } n ? n.GetInt64() : 0;
            if (!training && version > before)
            {
                return model;
            }

            if (!training && model.GetProperty("lastError").GetString() is { } error)
            {
                throw new EngineRequestException($"the retraining failed: {error}");
            }
        }
    }

    private static async Task<RankingReport> ScoreServedAsync(HttpClient http, DenseRatings dense, RatingMatrix test, long version, float diversity, CancellationToken cancellationToken)
    {
        var users = Enumerable.Range(0, test.Rows).Where(u => !test.RowIndices(u).IsEmpty).ToArray();
        var lists = new int[users.Length][];
        await Parallel.ForAsync(0, users.Length, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            lists[i] = await RecommendAsync(http, dense, dense.Users.RawId(users[i]), version, diversity, ct);
        });

        double precision = 0, recall = 0, ndcg = 0, map = 0;
        var recommended = new HashSet<int>();
        for (var i = 0; i < users.Length; i++)
        {
            var relevant = test.RowIndices(users[i]);
            precision += RankingMetrics.PrecisionAtK(lists[i], relevant, K);
            recall += RankingMetrics.RecallAtK(lists[i], relevant, K);
            ndcg += RankingMetrics.NdcgAtK(lists[i], relevant, K);
            map += RankingMetrics.AveragePrecisionAtK(lists[i], relevant, K);
            recommended.UnionWith(lists[i]);
        }

        var count = Math.Max(users.Length, 1);
        return new RankingReport(precision / count, recall / count, ndcg / count, map / count,
            RankingMetrics.CatalogCoverage(recommended.Count, dense.Items.Count), users.Length, K);
    }

    /// <summary>The user's served top 10 as dense item indices; waits (bounded) until the silo serves <paramref name="version"/>.</summary>
    private static async Task<int[]> RecommendAsync(HttpClient http, DenseRatings dense, int rawUser, long version, float diversity, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var body = await EngineResponse.GetJsonAsync(http, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/v1/users/{rawUser}/recommendations?count={K}&diversity={diversity}"), cancellationToken);
            var served = body.GetProperty("modelVersion") is { ValueKind: JsonValueKind.Number } v ? v.GetInt64() : 0;
            if (served >= version)
            {
                return [.. body.GetProperty("items").EnumerateArray()
                    .Select(item => int.TryParse(item.GetProperty("itemId").GetString(), out var raw) ? dense.Items.IndexOf(raw) : -1)];
            }

            if (attempt >= 120)
            {
                throw new EngineRequestException($"user {rawUser} is still served by model version {served}, not {version}");
            }

            await Task.Delay(250, cancellationToken);
        }
    }
}
