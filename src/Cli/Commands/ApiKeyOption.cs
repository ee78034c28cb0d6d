using System.CommandLine;

namespace AIaaS.Cli.Commands;

/// <summary>`--api-key`, falling back to the AIAAS_API_KEY environment variable so a key need not sit in shell history.</summary>
internal static class ApiKeyOption
{
    public const string Variable = "AIAAS_API_KEY";

    public static Option<string?> Create() =>
        new("--api-key") { Description = $"API key sent as X-API-Key on every request (default: the {Variable} environment variable)" };

    /// <summary>The option when given, else the variable, else none; an empty value counts as absent.</summary>
    public static string? Resolve(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { Length: > 0 } key ? key
            : Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } variable ? variable
            : null;
}
