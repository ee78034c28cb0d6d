using Orleans.Concurrency;

namespace AIaaS.Grains.Interfaces;

/// <summary>A silo's model catalog, told by the retraining grain when a new version is current.</summary>
[Alias("AIaaS.IModelObserver")]
public interface IModelObserver : IGrainObserver
{
    /// <summary>Version <paramref name="version"/> is stored and current; load it. One-way: the retraining grain never waits on a silo.</summary>
    [OneWay]
    [Alias("ModelPublished")]
    Task ModelPublished(long version);
}
