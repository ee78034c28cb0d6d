namespace AIaaS.Grains.Security;

/// <summary>
/// What an API key may do over HTTP. <see cref="Admin"/> may do everything; <see cref="Ingest"/> and
/// <see cref="Read"/> are disjoint, so a key embedded in a player that sends events cannot read anyone's data.
/// </summary>
public enum ApiScope
{
    /// <summary>Events and anonymous sessions.</summary>
    Ingest,

    /// <summary>Recommendations, similar items, items, users, the model and statistics: every GET.</summary>
    Read,

    /// <summary>Everything, including keys, catalog changes, erasure and retraining.</summary>
    Admin,
}
