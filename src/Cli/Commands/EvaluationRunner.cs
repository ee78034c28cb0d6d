using System.Diagnostics;
using AIaaS.Engine.Data;
using AIaaS.Engine.Evaluation;
using AIaaS.Engine.Factorization;

namespace AIaaS.Cli.Commands;

/// <summary>Loads the data, splits it by protocol, trains the model and prints the figures.</summary>
internal static class EvaluationRunner
{
    public static int Run(EvaluationRequest request)
    {
        if (request.Model is not ("als" or "mf" or "pop" or "random")) return CliErrors.Fail($"unknown model '{request.Model}': use als, mf, pop or random");
        if (request.Protocol is not ("ranking" or "rating" or "cold-items")) return CliErrors.Fail($"unknown protocol '{request.Protocol}': use ranking, rating or cold-items");
        if (request.Protocol == "rating" && request.Model != "mf")
        {
            return CliErrors.Fail($"model '{request.Model}' ranks items and predicts no ratings: use --protocol ranking, or --model mf for the rating protocol");
        }
        if (request.Protocol == "cold-items" && request.Model == "mf")
        {
            return CliErrors.Fail("model 'mf' has no vectors for items without ratings: the cold-items protocol takes --model als (content map), pop or random");
        }
        if (request.Model == "random" && request.Protocol != "cold-items")
        {
            return CliErrors.Fail("model 'random' is a baseline of the cold-items protocol only: use --protocol cold-items");
        }
        var dense = DenseRatings.From(MovieLens.Load(request.Data));
        var output = new MetricsOutput()
            .Add("data", request.Data)
            .Add("model", request.Model)
            .Add("protocol", request.Protocol)
            .Add("seed", request.Seed);
        switch (request.Protocol)
        {
            case "rating": RatingProtocol(dense, request, output); break;
            case "cold-items": ColdItemsProtocol.Run(dense, request, output); break;
            default: RankingProtocol(dense, request, output); break;
        }
        output.Write(request.Json);
        return 0;
    }

    private static void RankingProtocol(DenseRatings dense, EvaluationRequest request, MetricsOutput output)
    {
        var split = EvaluationSplits.Ranking(dense, request.Seed);
        var train = dense.ToMatrix(split.Train);
        var test = dense.ToMatrix(split.Test);
        var clock = Stopwatch.StartNew();
        var (users, items, factors) = TrainForRanking(train, request, output);
        double seconds = clock.Elapsed.TotalSeconds;
        var report = RankingEvaluator.Evaluate(train, test, users, items, factors);
        output.Add("precision@10", report.Precision).Add("recall@10", report.Recall).Add("ndcg@10", report.Ndcg)
            .Add("map@10", report.Map).Add("coverage", report.Coverage).Add("users", report.Users).Add("trainSeconds", seconds);
    }

    private static (float[] Users, float[] Items, int Factors) TrainForRanking(RatingMatrix train, EvaluationRequest request, MetricsOutput output)
    {
        switch (request.Model)
        {
            case "pop":
                var ones = new float[train.Rows];
                Array.Fill(ones, 1f);
                return (ones, PopularityModel.ItemCounts(train), 1);
            case "mf":
                var mfOptions = request.MfOptions();
                AddMf(output, mfOptions);
                return MfRanking.Augment(new MfTrainer(mfOptions).Fit(train));
            default:
                var options = request.AlsOptions();
                AddAls(output, options);
                var model = new AlsTrainer(options).Fit(train);
                return (model.UserFactors, model.ItemFactors, model.Factors);
        }
    }

    private static void RatingProtocol(DenseRatings dense, EvaluationRequest request, MetricsOutput output)
    {
        var split = EvaluationSplits.Rating(dense.Count);
        var options = request.MfOptions();
        AddMf(output, options);
        var clock = Stopwatch.StartNew();
        var model = new MfTrainer(options).Fit(dense.ToMatrix(split.Train));
        double seconds = clock.Elapsed.TotalSeconds;
        var predicted = new float[split.Test.Length];
        var actual = new float[split.Test.Length];
        for (int t = 0; t < split.Test.Length; t++)
        {
            int r = split.Test[t];
            predicted[t] = Math.Clamp(model.Predict(dense.UserIndex[r], dense.ItemIndex[r]), 1f, 5f);
            actual[t] = dense.Ratings[r];
        }
        output.Add("rmse", RatingMetrics.Rmse(predicted, actual)).Add("mae", RatingMetrics.Mae(predicted, actual))
            .Add("testRatings", split.Test.Length).Add("trainSeconds", seconds);
    }

    public static void AddAls(MetricsOutput output, AlsOptions options) =>
        output.Add("factors", options.Factors).Add("regularization", options.Regularization)
            .Add("regularizationExponent", options.RegularizationExponent).Add("alpha", options.Alpha)
            .Add("confidence", options.Confidence.ToString()).Add("iterations", options.Iterations)
            .Add("cgSteps", options.CgSteps).Add("threads", options.Threads);

    private static void AddMf(MetricsOutput output, MfOptions options) =>
        output.Add("factors", options.Factors).Add("learningRate", options.LearningRate).Add("biasLearningRate", options.BiasLearningRate).Add("regularization", options.Regularization)
            .Add("biasRegularization", options.BiasRegularization).Add("learningRateDecay", options.LearningRateDecay)
            .Add("epochs", options.Epochs);
}
