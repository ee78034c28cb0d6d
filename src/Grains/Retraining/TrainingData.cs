using AIaaS.Engine.Models;

namespace AIaaS.Grains.Retraining;

/// <summary>
/// The log's events as a training read them: a matrix builder, and per partition the last sequence number read
/// and the erasure epoch the read saw (0 when it changed during the read, which no later read matches).
/// </summary>
internal sealed class TrainingData(int partitions)
{
    public InteractionMatrixBuilder Builder { get; } = new();

    public long[] ReadThrough { get; } = [.. Enumerable.Repeat(-1L, partitions)];

    public long[] Epochs { get; } = new long[partitions];
}
