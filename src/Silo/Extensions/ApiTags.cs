namespace AIaaS.Silo.Extensions;

/// <summary>The groups of the API reference, with what each holds.</summary>
internal static class ApiTags
{
    public const string Events = "Events";
    public const string Recommendations = "Recommendations";
    public const string Users = "Users";
    public const string Items = "Items";
    public const string Model = "Model";
    public const string Keys = "Keys";
    public const string Operations = "Operations";

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [Events] = "Interaction events in: the durable log, users' histories and vectors, items' counters.",
        [Recommendations] = "Ranked items for a user, for an anonymous session, and items similar to an item.",
        [Users] = "What the engine stores about a user, and erasure.",
        [Items] = "The catalog: titles, categories, tags, hidden, live and availability windows.",
        [Model] = "The served model, retraining, and counts.",
        [Keys] = "API keys with scopes: issue, list, revoke (admin only).",
        [Operations] = "Liveness, readiness and Prometheus metrics.",
    };
}
