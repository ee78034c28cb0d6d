using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Client.IntegrationTests.Fakes;

public static class Events
{
    public static readonly DateTimeOffset At = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public static InteractionEvent Play(string userId, string itemId) =>
        new(userId, itemId, EventType.Play, null, At);

    public static InteractionEvent[] Plays(string userId, int count, string prefix = "i") =>
        [.. Enumerable.Range(0, count).Select(i => Play(userId, $"{prefix}{i}"))];
}
