namespace AIaaS.Grains.InteractionLog;

/// <summary>The partition's index: how many segments exist. Written before a new segment is first used.</summary>
[GenerateSerializer, Alias("AIaaS.LogPartitionState")]
public sealed class LogPartitionState
{
    [Id(0)]
    public int Segments { get; set; }
}
