namespace AIaaS.Engine.Evaluation;

/// <summary>Figures of the cold-items protocol, averaged over the users with at least one cold test item.</summary>
/// <param name="Ndcg">Mean nDCG@k of each user's ranking of all cold items.</param>
/// <param name="Auc">Mean AUC: per user, the share of (relevant, non-relevant) cold item pairs ranked correctly, ties counting half.</param>
/// <param name="Users">Users with at least one cold test item (the nDCG average).</param>
/// <param name="AucUsers">Users who also left at least one cold item unrated (the AUC average).</param>
/// <param name="ColdItems">Cold items every user ranks.</param>
/// <param name="K">Cut-off of nDCG.</param>
public sealed record ColdItemReport(double Ndcg, double Auc, int Users, int AucUsers, int ColdItems, int K);
