using Microsoft.ML.OnnxRuntime;

namespace AIaaS.Engine.Onnx;

/// <summary>ONNX Runtime's CUDA execution provider, and the ways asking for it fails where it cannot run.</summary>
public static class CudaProvider
{
    /// <summary>
    /// Appends CUDA on <paramref name="deviceId"/> to <paramref name="options"/>; null when it was appended, otherwise why
    /// not: the CPU package has no CUDA entry point, and the GPU package fails to load its provider library without a
    /// GPU, a driver or the CUDA libraries (docs/inference.md).
    /// </summary>
    public static Exception? TryAppend(SessionOptions options, int deviceId)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.AppendExecutionProvider_CUDA(deviceId);
            return null;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException or OnnxRuntimeException)
        {
            return ex;
        }
    }
}
