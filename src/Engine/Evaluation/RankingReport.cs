namespace AIaaS.Engine.Evaluation;

/// <summary>Ranking-protocol figures averaged over users with at least one test item.</summary>
/// <param name="Precision">Mean precision@k.</param>
/// <param name="Recall">Mean recall@k.</param>
/// <param name="Ndcg">Mean nDCG@k.</param>
/// <param name="Map">Mean average precision@k.</param>
/// <param name="Coverage">Share of the catalog recommended to anyone.</param>
/// <param name="Users">Number of users evaluated.</param>
/// <param name="K">The cutoff k.</param>
public sealed record RankingReport(double Precision, double Recall, double Ndcg, double Map, double Coverage, int Users, int K);
