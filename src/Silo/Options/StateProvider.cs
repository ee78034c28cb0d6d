namespace AIaaS.Silo.Options;

/// <summary>What backs grain state (<c>Orleans:Providers:Storage</c>), reminders (<c>Orleans:Providers:Reminders</c>) or the log and model store (<c>AIaaS:Storage:Provider</c>).</summary>
public enum StateProvider
{
    /// <summary>SQLite under <c>AIaaS:DataPath</c>: the embedded default for grain state, the log and models (one silo). Not for reminders.</summary>
    Sqlite,

    /// <summary>Process memory: lost when the silo stops.</summary>
    Memory,

    /// <summary>Redis (<c>ConnectionStrings:Redis</c>): membership, grain state and reminders; never the log or models.</summary>
    Redis,

    /// <summary>PostgreSQL through Orleans' ADO.NET providers (<c>ConnectionStrings:PostgreSql</c>).</summary>
    PostgreSql,
}
