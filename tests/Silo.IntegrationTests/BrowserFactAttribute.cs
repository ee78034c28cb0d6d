namespace AIaaS.Silo.IntegrationTests;

/// <summary>
/// A fact that drives a headless Chromium: skipped, saying why, where none is installed, unless
/// <see cref="RequiredVariable"/> is 1 (CI sets it, and installs Debian's <c>chromium</c> package), when a missing
/// browser fails the test instead.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string RequiredVariable = "AIAAS_REQUIRE_BROWSER";

    /// <summary>Overrides <see cref="DefaultExecutable"/>, for a Chromium installed elsewhere.</summary>
    public const string ExecutableVariable = "AIAAS_CHROMIUM";

    private const string DefaultExecutable = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Executable) && Environment.GetEnvironmentVariable(RequiredVariable) != "1")
        {
            Skip = $"No Chromium at {Executable}: install Debian's chromium package (apt-get install chromium), or name one in {ExecutableVariable}.";
        }
    }

    public static string Executable => Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } path ? path : DefaultExecutable;
}
