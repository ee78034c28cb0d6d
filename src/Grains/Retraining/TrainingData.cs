using AIaaS.Engine.Models;

namespace AIaaS.Grains.Retraining;

/// <summary>
/// The log's events as trainings read them: a matrix builder, per partition the last sequence number read, and
/// the last erasure applied to the builder. The next training reads only what came after each.
/// </summary>
internal sealed class TrainingData(int partitions)
{
    public InteractionMatrixBuilder Builder { get; } = new();

    public long[] ReadThrough { get; } = [.. Enumerable.Repeat(-1L, partitions)];

    public long ErasedThrough { get; set; }
}
