using AIaaS.Engine.Onnx;
using AIaaS.Grains.Options;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace AIaaS.Grains.Inference;

/// <summary>Session options for the configured execution provider, with CUDA's absence turned into a clear error or a logged CPU fallback.</summary>
internal static class OnnxSessionOptionsFactory
{
    public static SessionOptions Create(InferenceOptions options, ILogger logger)
    {
        var session = Cpu();
        if (options.ExecutionProvider != ExecutionProviderKind.Cuda) return session;
        if (CudaProvider.TryAppend(session, options.DeviceId) is not { } ex)
        {
            return session;
        }

        session.Dispose();
        if (!options.FallbackToCpu)
        {
            throw new InvalidOperationException(
                $"{InferenceOptions.Section}:ExecutionProvider is Cuda, but CUDA is not available to ONNX Runtime ({ex.Message}). " +
                $"Build with -p:OnnxRuntimeFlavor=Gpu and run where a GPU and CUDA are present, set {InferenceOptions.Section}:ExecutionProvider to Cpu, " +
                $"or set {InferenceOptions.Section}:FallbackToCpu to true.", ex);
        }

        Log.CudaFallback(logger, ex.Message);
        return Cpu();
    }

    /// <summary>
    /// ONNX Runtime's threads spin after each run by default, waiting for the next; in a silo those cycles are taken
    /// from the grains and HTTP threads beside them (measured: 18 % of the silo's CPU while serving), so they sleep instead.
    /// </summary>
    private static SessionOptions Cpu()
    {
        var session = new SessionOptions();
        session.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        session.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        return session;
    }
}
