using AIaaS.Engine.Onnx.Proto;
using DataType = AIaaS.Engine.Onnx.Proto.TensorProto.Types.DataType;

namespace AIaaS.Engine.Onnx;

/// <summary>
/// The tiled scoring graph: <c>user_vectors</c> float[B, k] and one <c>item_tile</c> float[T, k] (row-major, as the
/// model stores its factors) → Gemm with transB → TopK(<c>top_k</c>) → <c>scores</c> float[B, n] and
/// <c>item_indices</c> int64[B, n], indices relative to the tile.
/// </summary>
/// <remarks>
/// The item matrix is an input, not an initializer, so one small graph serves every model of k factors and a run
/// never holds more than B × T scores: the catalog-sized [B, items] tensor of <see cref="OnnxScoringGraph"/> is gone,
/// and the caller merges each tile's top into a running top-k.
/// </remarks>
public static class OnnxTileGraph
{
    /// <summary>Input: user factor rows, float[B, k].</summary>
    public const string UserVectors = "user_vectors";

    /// <summary>Input: a run of consecutive item rows, float[T, k].</summary>
    public const string ItemTile = "item_tile";

    /// <summary>Input: how many items per row, int64[1]; at most T.</summary>
    public const string TopKInput = "top_k";

    /// <summary>Output: the tile's best scores per row, best first, float[B, n].</summary>
    public const string Scores = "scores";

    /// <summary>Output: tile-relative indices of <see cref="Scores"/>, int64[B, n].</summary>
    public const string ItemIndices = "item_indices";

    private const string TileScores = "tile_scores";

    /// <summary>The graph for <paramref name="factors"/> factors, as ModelProto bytes.</summary>
    public static byte[] ToBytes(int factors)
    {
        if (factors < 1) ThrowHelper.OutOfRange(nameof(factors), "must be at least 1.");
        using var buffer = new MemoryStream();
        new OnnxGraphBuilder("aiaas_tile_top_k")
            .Input(UserVectors, DataType.Float, "batch", factors)
            .Input(ItemTile, DataType.Float, "tile", factors)
            .Input(TopKInput, DataType.Int64, 1)
            .Node("Gemm", [UserVectors, ItemTile], [TileScores], OnnxGraphBuilder.IntAttribute("transB", 1))
            .Node("TopK", [TileScores, TopKInput], [Scores, ItemIndices],
                OnnxGraphBuilder.IntAttribute("axis", -1), OnnxGraphBuilder.IntAttribute("largest", 1), OnnxGraphBuilder.IntAttribute("sorted", 1))
            .Output(Scores, DataType.Float, "batch", "n")
            .Output(ItemIndices, DataType.Int64, "batch", "n")
            .WriteTo(buffer, modelVersion: 0);
        return buffer.ToArray();
    }
}
