using AIaaS.Engine.Models;

namespace AIaaS.Grains.Models;

/// <summary>A model as it is stored: the snapshot and the ONNX scoring graph exported when it was trained (null for a snapshot stored without one).</summary>
public sealed record StoredModel(ModelSnapshot Snapshot, byte[]? ScoringGraph);
