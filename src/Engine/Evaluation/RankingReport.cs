namespace AIaaS.Engine.Evaluation;

/// <summary>Ranking-protocol figures averaged over users with at least one test item.</summary>
/// <param name="Precision">Mean precision@k.</param>
/// <param name="Recall">Mean recall@k.</param>
/// <param name="Ndcg">Mean nDCG@k.</param>
/// <param name="Map">Mean average precision@k.</param>
/// <param name="Coverage">Share of the catalog recommended to anyone.</param>
/// <param name="Users">Number of users evaluated.</param>
/// <param name="K">The cutoff k.</param>
public sealed record RankingReport(double Precision, double Recall, double Ndcg, double Map, double Coverage, int Users, int K)
{
    /// <summary>Mean intra-list diversity (<see cref="BeyondAccuracyMetrics.IntraListDiversity"/>); NaN when the items have no factors to compare.</summary>
    public double IntraListDiversity { get; init; } = double.NaN;

    /// <summary>Mean novelty of the lists (<see cref="BeyondAccuracyMetrics.Novelty"/>), in bits.</summary>
    public double Novelty { get; init; } = double.NaN;

    /// <summary>Mean training-popularity percentile of the recommended items (1 = the most popular item).</summary>
    public double PopularityPercentile { get; init; } = double.NaN;

    /// <summary>Gini coefficient of how often each catalog item was recommended (0 = evenly).</summary>
    public double Gini { get; init; } = double.NaN;
}
