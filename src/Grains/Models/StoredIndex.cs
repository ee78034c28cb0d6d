using System.Diagnostics.CodeAnalysis;

namespace AIaaS.Grains.Models;

/// <summary>The record of which model versions a grain-storage model store holds.</summary>
internal sealed class StoredIndex : IGrainState<ModelIndex>
{
    private ModelIndex _state = new();

    [AllowNull]
    public ModelIndex State
    {
        get => _state;
        set => _state = value ?? new ModelIndex();
    }

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
