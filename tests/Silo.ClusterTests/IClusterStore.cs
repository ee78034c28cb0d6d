namespace AIaaS.Silo.ClusterTests;

/// <summary>A throwaway server that silos share for membership, grain storage and reminders.</summary>
public interface IClusterStore
{
    /// <summary>The environment a silo needs to use it: the three provider keys and the connection string.</summary>
    IReadOnlyDictionary<string, string> SiloSettings { get; }
}
