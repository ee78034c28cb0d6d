// A platform team's first use of the SDK: report what a few users played, then ask what to show one of them next.
// Gateways and cluster ids come from configuration (the RecommendationClient section), e.g.
//   dotnet run -- --RecommendationClient:Gateways:0=127.0.0.1:30000
using AIaaS.Client;
using AIaaS.Grains.Interfaces.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddRecommendationClient();
using var host = builder.Build();
await host.StartAsync();
var client = host.Services.GetRequiredService<IRecommendationClient>();

// Fresh user ids per run, so a second run against the same cluster starts from nothing again.
var run = Guid.NewGuid().ToString("N")[..8];
string User(string name) => $"{name}-{run}";
var now = DateTimeOffset.UtcNow;
InteractionEvent Played(string user, string item) => new(User(user), item, EventType.Play, null, now);

// Other viewers' histories are what the engine recommends from before any model is trained: for each item this
// user played, what other viewers had played before it.
InteractionEvent[] events =
[
    Played("bob", "film-3"), Played("bob", "film-1"),
    Played("carol", "film-4"), Played("carol", "film-2"),
    Played("dave", "film-5"), Played("dave", "film-3"), Played("dave", "film-1"),
    Played("alice", "film-1"), Played("alice", "film-2"),
];

// Returns once every event is durably acknowledged, so the recommendations below already reflect them.
await client.TrackAsync(events);
Console.WriteLine($"Tracked {events.Length} events for 4 users.");

var alice = User("alice");
var recommendations = await client.RecommendAsync(alice, count: 5);
Console.WriteLine($"Recommendations for {alice} (model version {recommendations.ModelVersion?.ToString() ?? "none"}):");
foreach (var item in recommendations.Items)
{
    Console.WriteLine($"  {item.ItemId}  score {item.Score:F3}  {item.Reason}");
}

if (recommendations.Items.IsEmpty)
{
    Console.WriteLine("  (none)");
}

// The sample's users are not real: erase what they left in the engine.
foreach (var name in new[] { "alice", "bob", "carol", "dave" })
{
    await client.ForgetUserAsync(User(name));
}

await host.StopAsync();
