namespace AIaaS.Silo.Options;

/// <summary>Where silos find each other (<c>Orleans:Clustering</c>).</summary>
public enum ClusteringProvider
{
    /// <summary>One silo on this machine; nothing to configure.</summary>
    Localhost,

    /// <summary>A Redis membership table (<c>ConnectionStrings:Redis</c>).</summary>
    Redis,

    /// <summary>An ADO.NET membership table in PostgreSQL (<c>ConnectionStrings:PostgreSql</c>).</summary>
    PostgreSql,
}
