using Microsoft.Extensions.Options;

namespace AIaaS.Client;

/// <summary>Checks <see cref="RecommendationClientOptions"/> at start, naming each wrong option.</summary>
internal sealed class RecommendationClientOptionsValidator : IValidateOptions<RecommendationClientOptions>
{
    private const string Prefix = nameof(RecommendationClientOptions);

    public ValidateOptionsResult Validate(string? name, RecommendationClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.Gateways is null)
        {
            problems.Add($"{Prefix}.Gateways must not be null (leave it empty for {RecommendationClientOptions.DefaultGateway}).");
        }
        else
        {
            for (var i = 0; i < options.Gateways.Count; i++)
            {
                if (!GatewayEndpoint.TryParse(options.Gateways[i], out _, out _))
                {
                    problems.Add($"{Prefix}.Gateways[{i}] must be host:port with a port from 1 to 65535 (was '{options.Gateways[i]}').");
                }
            }
        }

        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            problems.Add($"{Prefix}.ClusterId must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            problems.Add($"{Prefix}.ServiceId must not be empty.");
        }

        if (options.Tracker is null)
        {
            problems.Add($"{Prefix}.Tracker must not be null.");
        }
        else
        {
            problems.AddRange(options.Tracker.Problems($"{Prefix}.Tracker"));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
