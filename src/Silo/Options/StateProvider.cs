namespace AIaaS.Silo.Options;

/// <summary>What backs grain state (<c>Orleans:Storage</c>) or reminders (<c>Orleans:Reminders</c>).</summary>
public enum StateProvider
{
    /// <summary>Process memory: lost when the silo stops.</summary>
    Memory,

    /// <summary>Redis (<c>ConnectionStrings:Redis</c>).</summary>
    Redis,

    /// <summary>PostgreSQL through Orleans' ADO.NET providers (<c>ConnectionStrings:PostgreSql</c>).</summary>
    PostgreSql,
}
