using System.Net;
using System.Text.RegularExpressions;

namespace AIaaS.Silo.IntegrationTests;

/// <summary>The browsable reference at /docs is served by the silo itself, with nothing from another host.</summary>
[Collection(SiloCollection.Name)]
public sealed partial class ApiReferencePageTests(SiloFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task GetDocs_Always_ReturnsHtmlReferencingNoOtherHost()
    {
        var response = await _http.GetAsync("/docs");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"//", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDocs_Always_ServesTheScriptsItReferences()
    {
        var page = await _http.GetAsync("/docs");
        var html = await page.Content.ReadAsStringAsync();
        var scripts = ScriptSource().Matches(html).Select(match => match.Groups["src"].Value).ToList();

        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            var response = await _http.GetAsync(new Uri(page.RequestMessage!.RequestUri!, script));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{script}: {response.StatusCode}");
        }
    }

    [GeneratedRegex("<script[^>]*\\ssrc=\"(?<src>[^\"]+)\"")]
    private static partial Regex ScriptSource();
}
