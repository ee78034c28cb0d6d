using System.Diagnostics;
using AIaaS.Engine.Data;
using AIaaS.Engine.Evaluation;
using AIaaS.Engine.Factorization;

namespace AIaaS.Cli.Commands;

/// <summary>Loads the data, splits it by protocol (once, or into folds), trains the model and prints the figures.</summary>
internal static class EvaluationRunner
{
    public static int Run(EvaluationRequest request)
    {
        if (EvaluationValidation.Problem(request) is { } problem) return CliErrors.Fail(problem);
        var dataset = MovieLens.Load(request.Data);
        var dense = DenseRatings.From(dataset);
        var output = new MetricsOutput()
            .Add("data", request.Data)
            .Add("model", request.Model)
            .Add("protocol", request.Protocol)
            .Add("seed", request.Seed);
        if (request.Protocol == "cold-items")
        {
            ColdItemsProtocol.Run(dense, request, output);
            output.Write(request.Json);
            return 0;
        }
        if (request.Folds > 1) output.Add("folds", request.Folds);
        if (request.Diversity > 0f) output.Add("diversity", request.Diversity);
        AddOptions(output, request);
        if (request.Folds > 1)
        {
            var folds = new List<IReadOnlyList<(string Name, object Value)>>();
            for (int f = 0; f < request.Folds; f++) folds.Add(Measure(dense, Split(dense, dataset, request, f), request));
            FoldSummary.AddTo(output, folds);
        }
        else
        {
            foreach (var (name, value) in Measure(dense, Split(dense, dataset, request, fold: -1), request)) output.Add(name, value);
        }
        output.Write(request.Json);
        return 0;
    }

    private static DatasetSplit Split(DenseRatings dense, RatingDataset dataset, EvaluationRequest request, int fold) => (request.Protocol, fold) switch
    {
        ("rating", < 0) => EvaluationSplits.Rating(dense.Count),
        ("rating", _) => EvaluationFolds.Rating(dense.Count, fold, request.Folds),
        ("last", _) => LastEventsSplit.Split(dense, dataset.Timestamps),
        (_, < 0) => EvaluationSplits.Ranking(dense, request.Seed),
        _ => EvaluationFolds.Ranking(dense, request.Seed, fold, request.Folds),
    };

    private static List<(string Name, object Value)> Measure(DenseRatings dense, DatasetSplit split, EvaluationRequest request) =>
        request.Protocol == "rating" ? RatingFigures(dense, split, request) : RankingFigures(dense, split, request);

    private static List<(string Name, object Value)> RankingFigures(DenseRatings dense, DatasetSplit split, EvaluationRequest request)
    {
        var train = dense.ToMatrix(split.Train);
        var test = dense.ToMatrix(split.Test);
        var clock = Stopwatch.StartNew();
        var (users, items, factors) = TrainForRanking(train, request);
        double seconds = clock.Elapsed.TotalSeconds;
        var report = RankingEvaluator.Evaluate(train, test, users, items, factors, diversity: request.Diversity);
        var figures = new List<(string Name, object Value)>
        {
            ("precision@10", report.Precision), ("recall@10", report.Recall), ("ndcg@10", report.Ndcg), ("map@10", report.Map),
            ("coverage", report.Coverage),
        };
        if (!double.IsNaN(report.IntraListDiversity)) figures.Add(("intraListDiversity", report.IntraListDiversity));
        figures.AddRange([("novelty", report.Novelty), ("popularityPercentile", report.PopularityPercentile), ("gini", report.Gini),
            ("users", report.Users), ("trainSeconds", seconds)]);
        return figures;
    }

    private static (float[] Users, float[] Items, int Factors) TrainForRanking(RatingMatrix train, EvaluationRequest request)
    {
        switch (request.Model)
        {
            case "pop":
                var ones = new float[train.Rows];
                Array.Fill(ones, 1f);
                return (ones, PopularityModel.ItemCounts(train), 1);
            case "mf":
                return MfRanking.Augment(new MfTrainer(request.MfOptions()).Fit(train));
            case "ease":
                var ease = new EaseTrainer(request.EaseOptions()).Fit(train);
                var histories = new float[train.Rows * ease.Items];
                for (int u = 0; u < train.Rows; u++) ease.UserVector(train.RowIndices(u), histories.AsSpan(u * ease.Items, ease.Items));
                return (histories, ease.ItemWeights, ease.Items);
            default:
                var model = new AlsTrainer(request.AlsOptions()).Fit(train);
                return (model.UserFactors, model.ItemFactors, model.Factors);
        }
    }

    private static List<(string Name, object Value)> RatingFigures(DenseRatings dense, DatasetSplit split, EvaluationRequest request)
    {
        var clock = Stopwatch.StartNew();
        var train = dense.ToMatrix(split.Train);
        var model = request.Model == "svdpp" ? new SvdppTrainer(request.SvdppOptions()).Fit(train) : new MfTrainer(request.MfOptions()).Fit(train);
        double seconds = clock.Elapsed.TotalSeconds;
        var predicted = new float[split.Test.Length];
        var actual = new float[split.Test.Length];
        for (int t = 0; t < split.Test.Length; t++)
        {
            int r = split.Test[t];
            predicted[t] = Math.Clamp(model.Predict(dense.UserIndex[r], dense.ItemIndex[r]), 1f, 5f);
            actual[t] = dense.Ratings[r];
        }
        return [("rmse", RatingMetrics.Rmse(predicted, actual)), ("mae", RatingMetrics.Mae(predicted, actual)),
            ("testRatings", split.Test.Length), ("trainSeconds", seconds)];
    }

    private static void AddOptions(MetricsOutput output, EvaluationRequest request)
    {
        if (request.Model == "als") AddAls(output, request.AlsOptions());
        else if (request.Model == "mf") AddMf(output, request.MfOptions());
        else if (request.Model == "svdpp") AddSvdpp(output, request.SvdppOptions());
        else if (request.Model == "ease") output.Add("regularization", request.EaseOptions().Regularization);
    }

    public static void AddAls(MetricsOutput output, AlsOptions options) =>
        output.Add("factors", options.Factors).Add("regularization", options.Regularization)
            .Add("regularizationExponent", options.RegularizationExponent).Add("alpha", options.Alpha)
            .Add("confidence", options.Confidence.ToString()).Add("iterations", options.Iterations)
            .Add("cgSteps", options.CgSteps).Add("threads", options.Threads);

    private static void AddSvdpp(MetricsOutput output, SvdppOptions options)
    {
        AddMf(output, options.Factorization);
        output.Add("implicitLearningRate", options.ImplicitLearningRate).Add("implicitRegularization", options.ImplicitRegularization);
    }

    private static void AddMf(MetricsOutput output, MfOptions options) =>
        output.Add("factors", options.Factors).Add("learningRate", options.LearningRate).Add("biasLearningRate", options.BiasLearningRate).Add("regularization", options.Regularization)
            .Add("biasRegularization", options.BiasRegularization).Add("learningRateDecay", options.LearningRateDecay)
            .Add("epochs", options.Epochs);
}
