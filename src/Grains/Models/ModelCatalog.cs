namespace AIaaS.Grains.Models;

/// <summary>
/// This silo's served model. Replaced whole, so a caller that read <see cref="Current"/> keeps a
/// consistent model for its whole request while a newer one is published.
/// </summary>
public sealed class ModelCatalog
{
    private volatile LoadedModel? _current;

    public LoadedModel? Current => _current;

    /// <summary>Whether this silo has caught up with the cluster's model (or knows there is none yet).</summary>
    public bool IsSynchronized { get; private set; }

    public void Publish(LoadedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (_current is null || model.Version > _current.Version)
        {
            _current = model;
        }

        IsSynchronized = true;
    }

    public void MarkSynchronized() => IsSynchronized = true;
}
