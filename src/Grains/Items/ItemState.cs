using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Items;

[GenerateSerializer, Alias("AIaaS.ItemState")]
public sealed class ItemState
{
    [Id(0)]
    public ItemMetadata? Metadata { get; set; }

    [Id(1)]
    public DecayedScore Popularity { get; set; }

    [Id(2)]
    public long Interactions { get; set; }

    [Id(3)]
    public Dictionary<string, int> CoCounts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>For an item the model does not know: vectors of the users who consumed it, in model <see cref="EvidenceVersion"/>.</summary>
    [Id(4)]
    public List<float[]> EvidenceVectors { get; set; } = [];

    [Id(5)]
    public List<float> EvidenceWeights { get; set; } = [];

    [Id(6)]
    public long EvidenceVersion { get; set; }

    /// <summary>Whose vector each of <see cref="EvidenceVectors"/> is (null for evidence stored before this was kept).</summary>
    [Id(7)]
    public List<string?> EvidenceUsers { get; set; } = [];
}
