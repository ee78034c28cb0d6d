namespace AIaaS.Grains.Models;

/// <summary>One piece of a stored model snapshot; no stored record or message is larger than a chunk.</summary>
[GenerateSerializer, Alias("AIaaS.ModelChunk")]
public sealed class ModelChunk
{
    [Id(0)]
    public byte[] Data { get; set; } = [];

    /// <summary>For the first chunk only: how many chunks the snapshot has.</summary>
    [Id(1)]
    public int Count { get; set; }
}
