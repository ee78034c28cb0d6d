using AIaaS.Storage.Sqlite;

namespace AIaaS.Silo.Clustering;

/// <summary>
/// Opens the embedded database before the silo starts, so that a data path that cannot be created or written, a
/// folder another silo holds, a corrupt file or a newer schema stops start-up with one line naming the path.
/// </summary>
internal sealed class SqliteOpenCheck(ClusterTopology topology, IServiceProvider services) : IStartupCheck
{
    public Task CheckAsync(CancellationToken cancellationToken)
    {
        if (topology.UsesSqlite)
        {
            _ = services.GetRequiredService<SqliteDatabase>();
        }

        return Task.CompletedTask;
    }
}
