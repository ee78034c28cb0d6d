using Microsoft.Extensions.FileProviders;

namespace AIaaS.Silo.Extensions;

/// <summary>
/// The live dashboard at /ui/: static files embedded in this assembly (src/Silo/Dashboard), so that
/// <c>dotnet run</c> from any folder and the published container serve the same page. It reads only /v1, with the
/// key the viewer types, so the API's authentication covers it.
/// </summary>
internal static class DashboardPageExtensions
{
    public const string Path = "/ui";

    /// <summary>The page's files as resources named AIaaS.Silo.Dashboard.{file} (Silo.csproj).</summary>
    private const string ResourcePrefix = "AIaaS.Silo.Dashboard";

    // Nothing from another host, no inline script or style, and no framing of the page by another site.
    private const string ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static void UseDashboardPage(this WebApplication app)
    {
        var files = new EmbeddedFileProvider(typeof(DashboardPageExtensions).Assembly, ResourcePrefix);
        // /ui answers a redirect to /ui/ (the page's relative links need the slash), /ui/ answers index.html.
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = Path, RedirectToAppendTrailingSlash = true });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = Path,
            RedirectToAppendTrailingSlash = true,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                // Revalidated on every load, so that a new silo version's page replaces the old one at once.
                headers.CacheControl = "no-cache";
            },
        });
    }
}
