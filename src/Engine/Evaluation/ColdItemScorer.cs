namespace AIaaS.Engine.Evaluation;

/// <summary>Fills <paramref name="scores"/>[c] with dense user <paramref name="user"/>'s score of the c-th cold item (higher ranks first).</summary>
public delegate void ColdItemScorer(int user, Span<float> scores);
