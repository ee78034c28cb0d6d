using AIaaS.Engine.Scoring;

namespace AIaaS.Engine.Inference;

/// <summary>
/// One user's top-k request: a factor row, how many items, dense item indices to leave out and, when the request
/// is filtered, the mask of items it may return (null: any item). A mask must span the model version that scores it;
/// a request whose mask does not gets an empty result, as one whose vector does not fit.
/// </summary>
public sealed record InferenceRequest(ReadOnlyMemory<float> UserVector, int Count, ReadOnlyMemory<int> Exclude, ItemMask? Allowed = null);
