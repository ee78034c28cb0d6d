using AIaaS.Engine.Models;

namespace AIaaS.Grains.Retraining;

/// <summary>
/// The log's events as trainings read them: one matrix builder per log partition (each filled by its own reader, in
/// parallel; a partition's users are its own, the items' numbering is shared; together they build one matrix), per
/// partition the last sequence number read, and the last erasure applied to the builders. The next training reads
/// only what came after each.
/// </summary>
internal sealed class TrainingData(int partitions)
{
    public InteractionMatrixBuilder[] Builders { get; } = Shared(partitions);

    public long[] ReadThrough { get; } = [.. Enumerable.Repeat(-1L, partitions)];

    public long ErasedThrough { get; set; }

    public long Interactions => Builders.Sum(builder => builder.Interactions);

    private static InteractionMatrixBuilder[] Shared(int partitions)
    {
        var items = new ItemIdIndex();
        return [.. Enumerable.Range(0, partitions).Select(_ => new InteractionMatrixBuilder(items))];
    }

    /// <summary>Takes an erased user's interactions out of whichever builders hold them.</summary>
    public void RemoveUser(string userId)
    {
        foreach (var builder in Builders)
        {
            builder.RemoveUser(userId);
        }
    }
}
