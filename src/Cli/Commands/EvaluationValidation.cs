namespace AIaaS.Cli.Commands;

/// <summary>Which combinations of model, protocol, folds and diversity `aiaas evaluate` accepts, and why not the others.</summary>
internal static class EvaluationValidation
{
    /// <summary>The one-line problem with <paramref name="request"/>, or null when it can run.</summary>
    public static string? Problem(EvaluationRequest request) => request switch
    {
        { Model: not ("als" or "ease" or "mf" or "svdpp" or "pop" or "random") } => $"unknown model '{request.Model}': use als, ease, mf, svdpp, pop or random",
        { Protocol: not ("ranking" or "rating" or "last" or "cold-items") } => $"unknown protocol '{request.Protocol}': use ranking, rating, last or cold-items",
        { Protocol: "rating", Model: not ("mf" or "svdpp") } => $"model '{request.Model}' ranks items and predicts no ratings: use --protocol ranking, or --model mf or svdpp for the rating protocol",
        { Model: "svdpp", Protocol: not "rating" } => "model 'svdpp' is tuned to predict ratings: use --protocol rating",
        { Protocol: "cold-items", Model: "mf" } => "model 'mf' has no vectors for items without ratings: the cold-items protocol takes --model als (content map), pop or random",
        { Protocol: "cold-items", Model: "ease" } => "model 'ease' has no weights for items without ratings: the cold-items protocol takes --model als (content map), pop or random",
        { Model: "random", Protocol: not "cold-items" } => "model 'random' is a baseline of the cold-items protocol only: use --protocol cold-items",
        { Folds: < 1 } => $"--folds must be at least 1 (was {request.Folds})",
        { Folds: > 1, Protocol: not ("ranking" or "rating") } => $"--folds applies to the ranking and rating protocols; '{request.Protocol}' has one fixed split",
        { Diversity: < 0f or > 1f } or { Diversity: float.NaN } => $"--diversity must lie in [0, 1] (was {request.Diversity})",
        { Diversity: > 0f, Protocol: not ("ranking" or "last") } => "--diversity re-ranks top-10 lists: use it with --protocol ranking or last",
        _ => null,
    };
}
