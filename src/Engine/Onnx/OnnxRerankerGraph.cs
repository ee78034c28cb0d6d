using AIaaS.Engine.Onnx.Proto;
using DataType = AIaaS.Engine.Onnx.Proto.TensorProto.Types.DataType;

namespace AIaaS.Engine.Onnx;

/// <summary>
/// Writes a minimal ranking model with the documented signature: <c>scores</c>[B, N] = Gemm(<c>user_vector</c>[B, k],
/// <c>candidate_vectors</c>[N, k], transB = 1) × <c>weight</c>. A reference for users and a fixture for tests.
/// </summary>
public static class OnnxRerankerGraph
{
    /// <summary>Writes the model; a negative <paramref name="weight"/> reverses the built-in order.</summary>
    /// <param name="output">Receives the ONNX bytes.</param>
    /// <param name="factors">k, fixed in the signature.</param>
    /// <param name="weight">Multiplies every score (Gemm's alpha).</param>
    /// <param name="userInputName">The user input's name; anything but <c>user_vector</c> makes a model that fails validation.</param>
    public static void Write(Stream output, int factors, float weight = 1f, string userInputName = "user_vector")
    {
        ArgumentNullException.ThrowIfNull(output);
        new OnnxGraphBuilder("aiaas_reranker")
            .Input(userInputName, DataType.Float, "batch", factors)
            .Input("candidate_vectors", DataType.Float, "candidates", factors)
            .Node("Gemm", [userInputName, "candidate_vectors"], ["scores"],
                OnnxGraphBuilder.IntAttribute("transB", 1), new AttributeProto { Name = "alpha", Type = AttributeProto.Types.AttributeType.Float, F = weight })
            .Output("scores", DataType.Float, "batch", "candidates")
            .WriteTo(output, 1);
    }
}
