using AIaaS.Engine.Models;

namespace AIaaS.Grains.Models;

/// <summary>
/// A model as it is stored: the snapshot, the ONNX scoring graph exported when it was trained, and the HNSW item
/// index built then when its retrieval setting serves it approximately (USearch's format,
/// <see cref="AIaaS.Engine.Retrieval.ItemIndex.ToBytes"/>); either is null when the version was stored without it.
/// </summary>
public sealed record StoredModel(ModelSnapshot Snapshot, byte[]? ScoringGraph, byte[]? ItemIndexBytes = null);
