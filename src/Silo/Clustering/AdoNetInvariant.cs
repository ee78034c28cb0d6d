namespace AIaaS.Silo.Clustering;

/// <summary>The ADO.NET provider invariant names Orleans' AdoNet providers load.</summary>
internal static class AdoNetInvariant
{
    public const string PostgreSql = "Npgsql";
}
