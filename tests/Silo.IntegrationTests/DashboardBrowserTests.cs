using System.Net;
using Microsoft.Playwright;

namespace AIaaS.Silo.IntegrationTests;

/// <summary>
/// The dashboard in a real headless Chromium against a real Kestrel silo: events sent over HTTP show in the page's
/// counters and in the watched user's list, and a retraining in the model panel. Leaves a screenshot at artifacts/ui/dashboard.png under the repository root.
/// </summary>
[Collection(KestrelSiloCollection.Name)]
public sealed class DashboardBrowserTests(KestrelSiloFactory factory)
{
    // A barrier, not a timing claim: the page polls every 2 s, and this only bounds how long a broken page is waited for.
    private const float WaitMs = 60_000;

    [BrowserFact]
    public async Task Dashboard_EventsArrive_CountersAndTheWatchedUsersListChange()
    {
        using var http = factory.CreateClient();
        var watched = Json.NewId("watched");
        var (seen, coConsumed, other) = (Json.NewId("seen"), Json.NewId("also"), Json.NewId("other"));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = BrowserFactAttribute.Executable, Headless = true });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);

        await page.GotoAsync(new Uri(http.BaseAddress!, "/ui/").ToString());
        await page.FillAsync("#watch-user", watched);
        await page.ClickAsync("#watch-form button");
        await page.WaitForFunctionAsync(
            "user => document.getElementById('watch-status').textContent.startsWith(user + ':') && document.getElementById('events-total').dataset.value !== undefined",
            watched,
            new() { Timeout = WaitMs });
        var eventsBefore = long.Parse(await page.GetAttributeAsync("#events-total", "data-value") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        var listBefore = await page.Locator("#watch-list li").EvaluateAllAsync<string[]>("items => items.map(li => li.dataset.itemId)");

        // Others play, like and view three new items; then the watched user plays one of them, which leaves its list.
        using var response = await http.PostAsync("/v1/events", Json.Body(Json.Events(
            (Json.NewId("fan"), seen, "play"), (Json.NewId("fan"), seen, "play"), (other, seen, "play"), (other, coConsumed, "like"), (other, Json.NewId("i"), "view"))));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var own = await http.PostAsync("/v1/events", Json.Body(Json.Events((watched, seen, "play"))));
        Assert.Equal(HttpStatusCode.Accepted, own.StatusCode);

        await page.WaitForFunctionAsync(
            "([before, item]) => Number(document.getElementById('events-total').dataset.value) >= before + 6"
            + " && [...document.querySelectorAll('#watch-list li')].some(li => li.dataset.itemId === item)",
            new object[] { eventsBefore, coConsumed },
            new() { Timeout = WaitMs });
        var eventsAfter = long.Parse(await page.GetAttributeAsync("#events-total", "data-value") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        var listAfter = await page.Locator("#watch-list li").EvaluateAllAsync<string[]>("items => items.map(li => li.dataset.itemId)");

        // Then the other panels: a trending list, and a trained model with its row in the versions table.
        await factory.RefreshTrendingAsync();
        using var retrain = await http.PostAsync("/v1/model/retrain", null);
        Assert.Equal(HttpStatusCode.Accepted, retrain.StatusCode);
        await page.WaitForFunctionAsync(
            "() => document.querySelectorAll('#model-versions tr').length > 0 && document.getElementById('model-training').textContent === 'no'"
            + " && document.querySelectorAll('#trending li').length > 0",
            null,
            new() { Timeout = WaitMs });
        var model = await Json.ReadAsync(await http.GetAsync("/v1/model"));
        var shownVersion = await page.TextContentAsync("#model-version");
        var firstVersionRow = await page.TextContentAsync("#model-versions tr td");
        await page.ScreenshotAsync(new() { Path = ScreenshotPath(), FullPage = true });

        Assert.Equal(eventsBefore + 6, eventsAfter);
        Assert.DoesNotContain(coConsumed, listBefore);
        Assert.Contains(coConsumed, listAfter);
        Assert.DoesNotContain(seen, listAfter);
        var version = model.GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(version, shownVersion);
        Assert.Equal(version, firstVersionRow);
        Assert.Empty(pageErrors);
    }

    [BrowserFact]
    public async Task Dashboard_SiloAsksForAKey_PageAsksOnceAndSendsItFromSessionStorageOnly()
    {
        using var http = factory.CreateClient();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = BrowserFactAttribute.Executable, Headless = true });
        var page = await browser.NewPageAsync();
        var keysSeen = new List<string?>();

        // The silo's own authentication is not this test's subject: the browser's requests meet the contract here,
        // 401 without a key, 403 for a key of another scope, the real silo for the good key.
        await page.RouteAsync("**/v1/**", async route =>
        {
            var key = route.Request.Headers.TryGetValue("x-api-key", out var value) ? value : null;
            lock (keysSeen)
            {
                keysSeen.Add(key);
            }

            if (key == "good-key")
            {
                await route.ContinueAsync();
                return;
            }

            await route.FulfillAsync(new()
            {
                Status = key is null ? 401 : 403,
                ContentType = "application/problem+json",
                Body = key is null ? """{"title":"Unauthorized","status":401}""" : """{"title":"Forbidden","status":403}""",
            });
        });

        await page.GotoAsync(new Uri(http.BaseAddress!, "/ui/").ToString());
        await page.WaitForSelectorAsync("#key-form:not([hidden])", new() { Timeout = WaitMs });
        var askedWithout = await page.TextContentAsync("#key-message");
        await page.FillAsync("#api-key", "ingest-only-key");
        await page.ClickAsync("#key-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('key-message').textContent.includes('scope')", null, new() { Timeout = WaitMs });
        await page.FillAsync("#api-key", "good-key");
        await page.ClickAsync("#key-form button[type=submit]");
        await page.WaitForSelectorAsync("#key-form", new() { State = WaitForSelectorState.Hidden, Timeout = WaitMs });
        await page.WaitForFunctionAsync("() => document.getElementById('events-total').dataset.value !== undefined", null, new() { Timeout = WaitMs });
        var stored = await page.EvaluateAsync<string?>("() => sessionStorage.getItem('aiaas.apiKey')");
        var persisted = await page.EvaluateAsync<int>("() => localStorage.length + document.cookie.length");

        Assert.Contains("needs an API key", askedWithout, StringComparison.Ordinal);
        Assert.Equal("good-key", stored);
        Assert.Equal(0, persisted);
        lock (keysSeen)
        {
            Assert.Contains(null, keysSeen);
            Assert.Contains("ingest-only-key", keysSeen);
            Assert.Contains("good-key", keysSeen);
        }
    }

    /// <summary>artifacts/ui/dashboard.png beside AIaaS.sln (CI keeps artifacts/), or under the test's folder when there is none.</summary>
    private static string ScreenshotPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AIaaS.sln")))
        {
            directory = directory.Parent;
        }

        var folder = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "artifacts", "ui");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, "dashboard.png");
    }
}
