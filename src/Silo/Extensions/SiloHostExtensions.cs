using AIaaS.Grains;
using AIaaS.Silo.Options;
using Microsoft.Extensions.Options;

namespace AIaaS.Silo.Extensions;

internal static class SiloHostExtensions
{
    /// <summary>One silo with the embedded defaults: localhost clustering, in-memory storage and reminders.</summary>
    public static void AddEngineSilo(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SiloOptions>, SiloOptionsValidator>();

        // Orleans is configured before the host is built, so the options are read here and checked now.
        var options = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        var check = new SiloOptionsValidator().Validate(null, options);
        if (check.Failed)
        {
            throw new OptionsValidationException(SiloOptions.Section, typeof(SiloOptions), check.Failures);
        }

        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(options.SiloPort, options.GatewayPort, null, options.ServiceId, options.ClusterId)
            .AddMemoryGrainStorageAsDefault()
            .UseInMemoryReminderService()
            .AddRecommendationEngine());
    }
}
