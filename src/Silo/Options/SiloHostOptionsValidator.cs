using System.Net;
using Microsoft.Extensions.Options;

namespace AIaaS.Silo.Options;

/// <summary>Names each bad value by its configuration key.</summary>
public sealed class SiloHostOptionsValidator : IValidateOptions<SiloHostOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloHostOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            failures.Add($"{SiloHostOptions.Section}:ClusterId must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            failures.Add($"{SiloHostOptions.Section}:ServiceId must not be empty.");
        }

        CheckPort(failures, nameof(options.SiloPort), options.SiloPort);
        CheckPort(failures, nameof(options.GatewayPort), options.GatewayPort);
        if (options.SiloPort == options.GatewayPort)
        {
            failures.Add($"{SiloHostOptions.Section}:SiloPort and {SiloHostOptions.Section}:GatewayPort must differ (both {options.SiloPort}).");
        }

        if (!IPAddress.TryParse(options.AdvertisedAddress, out _))
        {
            failures.Add($"{SiloHostOptions.Section}:AdvertisedAddress must be an IP address (was '{options.AdvertisedAddress}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPort(List<string> failures, string key, int port)
    {
        if (port is < 1 or > 65535)
        {
            failures.Add($"{SiloHostOptions.Section}:{key} must be a port from 1 to 65535 (was {port}).");
        }
    }
}
