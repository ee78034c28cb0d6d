using System.Diagnostics.CodeAnalysis;

namespace AIaaS.Grains.Models;

internal sealed class StoredChunk : IGrainState<ModelChunk>
{
    private ModelChunk _state = new();

    [AllowNull]
    public ModelChunk State
    {
        get => _state;
        set => _state = value ?? new ModelChunk();
    }

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
