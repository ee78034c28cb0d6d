namespace AIaaS.Engine.Inference;

/// <summary>How <see cref="TiledOnnxBatchScorer"/> hands ONNX Runtime the item tiles.</summary>
public enum OnnxTiles
{
    /// <summary>
    /// One small graph, each tile an input read straight from the model's factor array: no copy of the matrix, but
    /// ONNX Runtime packs each tile for its Gemm on every run.
    /// </summary>
    Input,

    /// <summary>
    /// One session per tile with the tile as a constant, which ONNX Runtime pre-packs once, as it does the
    /// whole-catalog graph's matrix: the matrix is held again per session, and session creation takes longer.
    /// </summary>
    Prepacked,
}
