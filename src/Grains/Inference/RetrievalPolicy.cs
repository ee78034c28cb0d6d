using AIaaS.Engine.Models;
using AIaaS.Engine.Retrieval;
using AIaaS.Grains.Options;

namespace AIaaS.Grains.Inference;

/// <summary>Which models are served from an HNSW index (<see cref="InferenceOptions.Retrieval"/>), and the index's settings.</summary>
public sealed class RetrievalPolicy(InferenceOptions options)
{
    /// <summary>The index and candidate settings, from the AIaaS:Inference:Ann* keys.</summary>
    public AnnOptions Ann { get; } = new()
    {
        Connectivity = options.AnnConnectivity,
        ExpansionAdd = options.AnnExpansionAdd,
        ExpansionSearch = options.AnnExpansionSearch,
        Oversample = options.AnnOversample,
        MaxCandidates = options.AnnMaxCandidates,
    };

    /// <summary>Whether a model of <paramref name="items"/> items is served by approximate retrieval.</summary>
    public bool UsesAnn(int items) => options.Retrieval switch
    {
        RetrievalMode.Ann => items > 0,
        RetrievalMode.Auto => items >= options.AnnFromItems,
        _ => false,
    };

    /// <summary>The model's index when it is served by approximate retrieval, else null. CPU-heavy: call it off any grain turn.</summary>
    public ItemIndex? BuildIndex(ModelSnapshot model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return UsesAnn(model.ItemCount) ? ItemIndex.Build(model, Ann) : null;
    }

    /// <summary>The index <see cref="BuildIndex"/> builds, as the model store keeps it; null when the model is scored exactly.</summary>
    public byte[]? BuildStoredIndex(ModelSnapshot model)
    {
        using var index = BuildIndex(model);
        return index?.ToBytes();
    }

    /// <summary>The index stored with <paramref name="model"/>, read back to search with this policy's settings.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an index that fits the model.</exception>
    public ItemIndex LoadIndex(ReadOnlySpan<byte> stored, ModelSnapshot model) => ItemIndex.FromBytes(stored, model, Ann);
}
