namespace AIaaS.Grains.Models;

/// <summary>The versions a grain-storage model store holds.</summary>
[GenerateSerializer, Alias("AIaaS.ModelIndex")]
public sealed class ModelIndex
{
    [Id(0)]
    public HashSet<long> Versions { get; set; } = [];
}
