using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Client.IntegrationTests.Fakes;

/// <summary>Test data: unique ids per test, so tests sharing one cluster never see each other's users and items.</summary>
public static class Events
{
    public static readonly DateTimeOffset At = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>A play with an event id of its own, as the tracker would give it, so that what a sink received compares equal.</summary>
    public static InteractionEvent Play(string userId, string itemId, int minute = 0) =>
        new(userId, itemId, EventType.Play, null, At.AddMinutes(minute)) { EventId = $"{userId}/{itemId}/{minute}" };

    public static InteractionEvent[] Plays(string userId, int count, string prefix = "i") =>
        [.. Enumerable.Range(0, count).Select(i => Play(userId, $"{prefix}{i}", i))];

    public static InteractionEvent[] Plays(string userId, params string[] items) =>
        [.. items.Select((item, i) => Play(userId, item, i))];
}
