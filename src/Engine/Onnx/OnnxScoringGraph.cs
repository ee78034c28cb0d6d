using AIaaS.Engine.Models;
using AIaaS.Engine.Onnx.Proto;
using DataType = AIaaS.Engine.Onnx.Proto.TensorProto.Types.DataType;

namespace AIaaS.Engine.Onnx;

/// <summary>
/// Exports a model snapshot as an ONNX scoring graph: <c>user_vectors</c> float[B, k] → MatMul with the stored
/// transposed item matrix float[k, items] → TopK → <c>scores</c> float[B, n] and <c>item_indices</c> int64[B, n].
/// </summary>
/// <remarks>
/// <c>top_k</c> is an int64[1] initializer that is also declared as a graph input, so it has a default (the
/// <c>defaultTopK</c> of the export) and a caller may override it per run: a batch asks for its largest count
/// plus its largest exclusion count and filters exclusions afterwards, which keeps the graph a plain
/// MatMul + TopK that every execution provider runs.
/// </remarks>
public static class OnnxScoringGraph
{
    /// <summary>Input: user factor rows, float[B, k], B dynamic.</summary>
    public const string UserVectors = "user_vectors";

    /// <summary>Optional input (with a default): how many items per row, int64[1].</summary>
    public const string TopKInput = "top_k";

    /// <summary>Output: the best scores per row, best first, float[B, n].</summary>
    public const string Scores = "scores";

    /// <summary>Output: dense item indices of <see cref="Scores"/>, int64[B, n].</summary>
    public const string ItemIndices = "item_indices";

    private const string ItemFactorsTransposed = "item_factors_t";
    private const string AllScores = "all_scores";

    // Reads version, initializer names and shapes only; the item matrix is skipped, not copied.
    private static readonly Google.Protobuf.MessageParser<ModelProbe> ProbeParser = ModelProbe.Parser.WithDiscardUnknownFields(true);

    /// <summary>Writes the scoring graph of <paramref name="snapshot"/> to <paramref name="output"/>.</summary>
    /// <param name="snapshot">The model whose item factors become the graph's initializer.</param>
    /// <param name="output">Receives the ONNX ModelProto bytes.</param>
    /// <param name="defaultTopK">The number of items per row when a run does not supply <see cref="TopKInput"/>; clamped to the item count.</param>
    public static void Write(ModelSnapshot snapshot, Stream output, int defaultTopK = 100)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(output);
        if (snapshot.ItemCount < 1) ThrowHelper.Argument("An ONNX scoring graph needs at least one item.", nameof(snapshot));
        if (defaultTopK < 1) ThrowHelper.OutOfRange(nameof(defaultTopK), "must be at least 1.");
        WriteItems(snapshot.ItemFactors, snapshot.Factors, snapshot.Version, output, defaultTopK);
    }

    /// <summary>
    /// The graph over the item rows <paramref name="rowMajor"/> ([items × k]) alone, as bytes: a tile of a catalog,
    /// whose constant matrix ONNX Runtime pre-packs once at session creation; indices are relative to the tile.
    /// </summary>
    internal static byte[] TileToBytes(ReadOnlySpan<float> rowMajor, int k, long version)
    {
        using var buffer = new MemoryStream();
        WriteItems(rowMajor, k, version, buffer, defaultTopK: 1);
        return buffer.ToArray();
    }

    private static void WriteItems(ReadOnlySpan<float> rowMajor, int k, long version, Stream output, int defaultTopK)
    {
        int items = rowMajor.Length / k;
        new OnnxGraphBuilder("aiaas_top_k")
            .Input(UserVectors, DataType.Float, "batch", k)
            .Input(TopKInput, DataType.Int64, 1)
            .FloatInitializer(ItemFactorsTransposed, Transpose(rowMajor, items, k), k, items)
            .Int64Initializer(TopKInput, Math.Min(defaultTopK, items))
            .Node("MatMul", [UserVectors, ItemFactorsTransposed], [AllScores])
            .Node("TopK", [AllScores, TopKInput], [Scores, ItemIndices],
                OnnxGraphBuilder.IntAttribute("axis", -1), OnnxGraphBuilder.IntAttribute("largest", 1), OnnxGraphBuilder.IntAttribute("sorted", 1))
            .Output(Scores, DataType.Float, "batch", "n")
            .Output(ItemIndices, DataType.Int64, "batch", "n")
            .WriteTo(output, version);
    }

    /// <summary>The graph as bytes, for creating an in-memory session.</summary>
    public static byte[] ToBytes(ModelSnapshot snapshot, int defaultTopK = 100)
    {
        using var buffer = new MemoryStream();
        Write(snapshot, buffer, defaultTopK);
        return buffer.ToArray();
    }

    /// <summary>
    /// Whether <paramref name="graph"/> is the scoring graph of <paramref name="snapshot"/>: a readable ModelProto of
    /// the same model version whose item matrix has the snapshot's shape. A stored graph that fails this is not used.
    /// </summary>
    public static bool IsGraphOf(ReadOnlySpan<byte> graph, ModelSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ModelProbe model;
        try
        {
            model = ProbeParser.ParseFrom(graph);
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            return false;
        }

        var items = model.Graph?.Initializer.FirstOrDefault(tensor => tensor.Name == ItemFactorsTransposed);
        return model.ModelVersion == snapshot.Version
            && items is not null
            && items.Dims.SequenceEqual([(long)snapshot.Factors, snapshot.ItemCount]);
    }

    private static float[] Transpose(ReadOnlySpan<float> rowMajor, int rows, int columns)
    {
        var transposed = new float[rowMajor.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++) transposed[(c * rows) + r] = rowMajor[(r * columns) + c];
        }

        return transposed;
    }
}
