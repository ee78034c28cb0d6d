using AIaaS.Silo.Extensions;

return await StartupGuard.RunAsync(() =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.UseSettingsBesideTheApp();
    builder.AddBoundedShutdown();
    builder.AddEngineSilo();
    builder.AddEngineTelemetry();
    builder.AddEngineHealthChecks();
    builder.Services.AddEngineApi();

    var app = builder.Build();
    app.MapEngineApi();
    app.MapEngineHealthChecks();
    app.MapEngineMetrics();
    app.MapEngineDashboard();
    return app;
});

/// <summary>Lets WebApplicationFactory host the silo in tests.</summary>
public partial class Program;
