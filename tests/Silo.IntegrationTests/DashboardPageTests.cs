using System.Net;
using System.Text.RegularExpressions;

namespace AIaaS.Silo.IntegrationTests;

/// <summary>The live dashboard at /ui/ is served by the silo from its own assembly, with nothing from another host.</summary>
[Collection(SiloCollection.Name)]
public sealed partial class DashboardPageTests(SiloFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task GetUi_WithoutSlash_RedirectsToTheSlash()
    {
        using var response = await _http.GetAsync("/ui");

        Assert.True(response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Redirect, $"status {response.StatusCode}");
        Assert.EndsWith("/ui/", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetUi_Always_ReturnsTheSelfContainedPageWithAPolicy()
    {
        using var response = await _http.GetAsync("/ui/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("id=\"watch-user\"", html, StringComparison.Ordinal);
        AssertNoOtherHost(html);
    }

    [Fact]
    public async Task GetUi_Always_ServesEveryFileThePageReferencesWithNoOtherHost()
    {
        var html = await _http.GetStringAsync("/ui/");
        var references = Reference().Matches(html).Select(match => match.Groups["url"].Value).ToList();

        Assert.Equal(["dashboard.css", "dashboard.js"], references.Order());
        foreach (var reference in references)
        {
            using var response = await _http.GetAsync($"/ui/{reference}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{reference}: {response.StatusCode}");
            AssertNoOtherHost(await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task GetUi_UnknownFile_Returns404()
    {
        using var response = await _http.GetAsync("/ui/missing.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static void AssertNoOtherHost(string text)
    {
        Assert.DoesNotContain("http://", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"//", text, StringComparison.Ordinal);
        Assert.DoesNotContain("'//", text, StringComparison.Ordinal);
    }

    [GeneratedRegex("(?:src|href)=\"(?<url>[^\"]+)\"")]
    private static partial Regex Reference();
}
