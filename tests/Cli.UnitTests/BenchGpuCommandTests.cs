namespace AIaaS.Cli.UnitTests;

/// <summary>`aiaas bench gpu` in the default (CPU) build, where ONNX Runtime has no CUDA provider to append.</summary>
public sealed class BenchGpuCommandTests
{
    [Fact]
    public async Task BenchGpu_CpuBuild_Exit2WithOneLineSayingCudaIsMissing()
    {
        var (exit, error) = await CommandLineTests.RunAsync("bench", "gpu", "--items", "100", "--factors", "4", "--seconds", "0.1");

        Assert.Equal(2, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("aiaas: CUDA is not available to ONNX Runtime", line, StringComparison.Ordinal);
        Assert.Contains("-p:OnnxRuntimeFlavor=Gpu", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--items", "5")]
    [InlineData("--device", "-1")]
    [InlineData("--seconds", "0")]
    public async Task BenchGpu_BadOption_Exit1NamingIt(string option, string value)
    {
        var (exit, error) = await CommandLineTests.RunAsync("bench", "gpu", option, value);

        Assert.Equal(1, exit);
        Assert.Contains(option, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_NearTieSwapped_SameButAnotherItem_Differs()
    {
        int[] cpuIds = [.. Enumerable.Range(0, 10)];
        float[] cpuScores = [10, 9, 8, 7, 6, 5.0001f, 5, 3, 2, 1];
        int[] swapped = [0, 1, 2, 3, 4, 6, 5, 7, 8, 9];
        float[] swappedScores = [10, 9, 8, 7, 6, 5.0001f, 5.0001f, 3, 2, 1];
        int[] other = [0, 1, 2, 3, 4, 5, 6, 7, 8, 42];

        Assert.True(Bench.GpuCheck.Compare(cpuIds, cpuScores, swapped, swappedScores).Same);
        Assert.False(Bench.GpuCheck.Compare(cpuIds, cpuScores, other, cpuScores).Same);
    }
}
