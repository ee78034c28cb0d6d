using System.Net;
using AIaaS.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;

namespace AIaaS.Silo.IntegrationTests;

[Collection(SiloCollection.Name)]
public sealed class ConcurrentTrackAndForgetTests(SiloFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task PostEventsAndDeleteUser_AtOnce_NoServerErrorAndTheUserMatchesTheLog()
    {
        var user = Json.NewId("racer");
        var posts = Enumerable.Range(0, 20).Select(i => _http.PostAsync("/v1/events",
            Json.Body($$"""{"events":[{"userId":"{{user}}","itemId":"i{{i}}","type":"play","eventId":"e{{i}}"}]}"""))).ToList();
        var deletes = Enumerable.Range(0, 3).Select(_ => _http.DeleteAsync($"/v1/users/{user}")).ToList();

        var answers = await Task.WhenAll(posts.Concat(deletes));

        Assert.All(answers, a => Assert.True((int)a.StatusCode < 500, $"{a.StatusCode}"));
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/health/ready")).StatusCode);

        // Whatever the order, the user's history is exactly what the log still holds of them.
        var log = factory.Services.GetRequiredService<AIaaS.Grains.Storage.IInteractionLogStore>();
        var logged = await log.ReadUserAsync(user, -1, CancellationToken.None);
        var profile = await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserGrain>(user).GetProfileAsync();
        Assert.Equal(logged.Select(e => e.Event.ItemId), profile.RecentHistory.Select(e => e.ItemId));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }
}
