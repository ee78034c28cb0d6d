using System.CommandLine;
using AIaaS.Engine.Factorization;

namespace AIaaS.Cli.Commands;

/// <summary>`aiaas evaluate`: offline evaluation of a model on a MovieLens-format folder under one of DESIGN.md's protocols.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "MovieLens-format folder (u.data, ratings.dat or ratings.csv; cold-items also reads u.item, movies.dat or movies.csv/tags.csv)", Required = true };
        var model = new Option<string>("--model") { Description = "als | ease | mf | svdpp | pop | random (mf, svdpp: rating protocol; random: cold-items only)", DefaultValueFactory = _ => "als" };
        var protocol = new Option<string>("--protocol") { Description = "ranking | rating | last | cold-items", DefaultValueFactory = _ => "ranking" };
        var seed = new Option<int>("--seed") { Description = "Seed of the ranking or cold-items split and of training", DefaultValueFactory = _ => 42 };
        var folds = new Option<int>("--folds") { Description = "ranking, rating: evaluate on k disjoint test folds and report mean and standard deviation (1 = the single split)", DefaultValueFactory = _ => 1 };
        var diversity = new Option<float>("--diversity") { Description = "ranking, last: MMR re-ranking weight λ in [0, 1] (0 = off)", DefaultValueFactory = _ => 0f };
        var json = new Option<bool>("--json") { Description = "Print one JSON object as the last line" };
        var factors = new Option<int?>("--factors") { Description = "Latent dimension (default: the model's tuned value)" };
        var regularization = new Option<float?>("--regularization") { Description = "L2 penalty (default: tuned)" };
        var alpha = new Option<float?>("--alpha") { Description = "ALS confidence slope (default: tuned)" };
        var iterations = new Option<int?>("--iterations") { Description = "ALS iterations or MF epochs (default: tuned)" };
        var exponent = new Option<float?>("--regularization-exponent") { Description = "ALS: scale λ by (1 + n)^e (default: tuned)" };
        var confidence = new Option<ConfidenceScaling?>("--confidence") { Description = "ALS: Linear | Logarithmic | Binary (default: tuned)" };
        var cgSteps = new Option<int?>("--cg-steps") { Description = "ALS: conjugate-gradient steps per row (default: tuned)" };
        var learningRate = new Option<float?>("--learning-rate") { Description = "MF: SGD step size (default: tuned)" };
        var server = new Option<string?>("--server") { Description = "Evaluate through a running, empty engine's HTTP API instead of offline" };
        var apiKey = ApiKeyOption.Create();
        var decay = new Option<float?>("--learning-rate-decay") { Description = "MF: learning-rate multiplier per epoch (default: tuned)" };
        var biasRate = new Option<float?>("--bias-learning-rate") { Description = "MF: SGD step size of the biases (default: tuned)" };
        var biasRegularization = new Option<float?>("--bias-regularization") { Description = "MF: L2 penalty on the biases (default: tuned)" };
        var implicitRate = new Option<float?>("--implicit-learning-rate") { Description = "svdpp: SGD step size of the implicit factors (default: tuned)" };
        var implicitRegularization = new Option<float?>("--implicit-regularization") { Description = "svdpp: L2 penalty on the implicit factors (default: tuned)" };
        var contentRegularization = new Option<double?>("--content-regularization") { Description = "cold-items, als: ridge penalty λ of the content map (default: tuned)" };
        var contentIntercept = new Option<bool?>("--content-intercept") { Description = "cold-items, als: whether the content map fits an intercept (default: tuned)" };

        var command = new Command("evaluate", "Evaluate a model offline, or through a running engine with --server, on a MovieLens-format folder");
        foreach (var option in new Option[] { data, model, protocol, seed, folds, diversity, json, factors, regularization, alpha, iterations, exponent, confidence, cgSteps, learningRate, decay, biasRate, biasRegularization, implicitRate, implicitRegularization, contentRegularization, contentIntercept, server, apiKey })
        {
            command.Options.Add(option);
        }
        command.SetAction((ParseResult r, CancellationToken ct) => CliErrors.RunAsync(async () =>
        {
            var request = new EvaluationRequest(r.GetValue(data)!, r.GetValue(model)!, r.GetValue(protocol)!, r.GetValue(seed), r.GetValue(json))
            {
                Folds = r.GetValue(folds),
                Diversity = r.GetValue(diversity),
                Factors = r.GetValue(factors),
                Regularization = r.GetValue(regularization),
                Alpha = r.GetValue(alpha),
                Iterations = r.GetValue(iterations),
                RegularizationExponent = r.GetValue(exponent),
                Confidence = r.GetValue(confidence),
                CgSteps = r.GetValue(cgSteps),
                LearningRate = r.GetValue(learningRate),
                LearningRateDecay = r.GetValue(decay),
                BiasLearningRate = r.GetValue(biasRate),
                BiasRegularization = r.GetValue(biasRegularization),
                ImplicitLearningRate = r.GetValue(implicitRate),
                ImplicitRegularization = r.GetValue(implicitRegularization),
                ContentRegularization = r.GetValue(contentRegularization),
                ContentIntercept = r.GetValue(contentIntercept),
            };
            return r.GetValue(server) is { } url
                ? await OnlineEvaluation.RunAsync(request, url, ApiKeyOption.Resolve(r, apiKey), ct)
                : EvaluationRunner.Run(request);
        }));
        return command;
    }
}
