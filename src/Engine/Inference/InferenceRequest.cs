namespace AIaaS.Engine.Inference;

/// <summary>One user's top-k request: a factor row, how many items, and dense item indices to leave out.</summary>
public sealed record InferenceRequest(ReadOnlyMemory<float> UserVector, int Count, ReadOnlyMemory<int> Exclude);
