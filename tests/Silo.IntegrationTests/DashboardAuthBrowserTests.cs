using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace AIaaS.Silo.IntegrationTests;

/// <summary>Keys on, behind a real Kestrel: what the dashboard page meets from the silo's own authentication.</summary>
public sealed class AuthKestrelSiloFactory : KestrelSiloFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("AIaaS:Auth:AdminKey", AuthSiloFactory.AdminKey);
    }
}

[CollectionDefinition(Name)]
public sealed class AuthKestrelSiloCollection : ICollectionFixture<AuthKestrelSiloFactory>
{
    public const string Name = "kestrel silo with keys";
}

/// <summary>
/// The page against the real 401 and 403: it asks for a key, says a key of the ingest scope lacks read, and with a
/// read key shows the silo's figures, keeping the key in sessionStorage only.
/// </summary>
[Collection(AuthKestrelSiloCollection.Name)]
public sealed class DashboardAuthBrowserTests(AuthKestrelSiloFactory factory)
{
    // A barrier, not a timing claim: it bounds how long a broken page is waited for.
    private const float WaitMs = 60_000;

    [BrowserFact]
    public async Task Dashboard_KeysOn_AsksForAKeyRefusesTheWrongScopeAndShowsFiguresWithARightOne()
    {
        using var http = factory.CreateClient();
        http.DefaultRequestHeaders.Add("X-API-Key", AuthSiloFactory.AdminKey);
        var ingest = await IssueAsync(http, "ingest");
        var read = await IssueAsync(http, "read");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = BrowserFactAttribute.Executable, Headless = true });
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(http.BaseAddress!, "/ui/").ToString());
        await page.WaitForSelectorAsync("#key-form:not([hidden])", new() { Timeout = WaitMs });
        await page.FillAsync("#api-key", ingest);
        await page.ClickAsync("#key-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('key-message').textContent.includes('scope')", null, new() { Timeout = WaitMs });
        await page.FillAsync("#api-key", read);
        await page.ClickAsync("#key-form button[type=submit]");
        await page.WaitForSelectorAsync("#key-form", new() { State = WaitForSelectorState.Hidden, Timeout = WaitMs });
        await page.WaitForFunctionAsync("() => document.getElementById('events-total').dataset.value !== undefined", null, new() { Timeout = WaitMs });

        Assert.Equal(read, await page.EvaluateAsync<string?>("() => sessionStorage.getItem('aiaas.apiKey')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length + document.cookie.length"));
    }

    private static async Task<string> IssueAsync(HttpClient admin, string scope)
    {
        using var response = await admin.PostAsJsonAsync("/v1/keys", new { name = $"dashboard {scope}", scope });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }
}
