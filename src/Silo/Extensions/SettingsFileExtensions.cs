using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace AIaaS.Silo.Extensions;

internal static class SettingsFileExtensions
{
    private const string SettingsFile = "appsettings.json";

    /// <summary>
    /// Reads appsettings.json (and appsettings.{Environment}.json) from the app's own folder when the content root,
    /// the working directory unless one is given, has none: <c>dotnet src/Silo/bin/.../AIaaS.Silo.dll</c> started from
    /// the repository root would otherwise run on built-in defaults (Information logging of every request, port 5000).
    /// </summary>
    public static void UseSettingsBesideTheApp(this WebApplicationBuilder builder) =>
        UseSettingsFrom(builder.Configuration, builder.Environment.ContentRootPath, AppContext.BaseDirectory);

    /// <summary>
    /// Points the settings files at <paramref name="appDirectory"/> when <paramref name="contentRoot"/> lacks them and it
    /// has them. Each source keeps its place, so environment variables and the command line still override the files.
    /// </summary>
    private static void UseSettingsFrom(ConfigurationManager configuration, string contentRoot, string appDirectory)
    {
        if (File.Exists(Path.Combine(contentRoot, SettingsFile)) || !File.Exists(Path.Combine(appDirectory, SettingsFile)))
        {
            return;
        }

        var files = new PhysicalFileProvider(appDirectory);
        var sources = configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { Path: { } path } json && path.StartsWith("appsettings.", StringComparison.OrdinalIgnoreCase))
            {
                sources[i] = new JsonConfigurationSource { Path = path, Optional = json.Optional, ReloadOnChange = json.ReloadOnChange, FileProvider = files };
            }
        }
    }
}
