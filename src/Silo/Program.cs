using AIaaS.Silo.Extensions;

return await StartupGuard.RunAsync(() =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.UseSettingsBesideTheApp();
    builder.UseSecretFiles();
    builder.AddBoundedShutdown();
    builder.AddEngineSilo();
    builder.AddEngineTelemetry();
    builder.AddEngineHealthChecks();
    builder.Services.AddEngineApi();
    builder.Services.AddEngineOpenApi();

    var app = builder.Build();
    app.MapEngineApi();
    app.UseDashboardPage();
    app.MapEngineHealthChecks();
    app.MapEngineMetrics();
    app.MapEngineDashboard();
    app.MapEngineApiReference();
    return app;
});

/// <summary>Lets WebApplicationFactory host the silo in tests.</summary>
public partial class Program;
