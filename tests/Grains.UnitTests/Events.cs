using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.UnitTests;

/// <summary>Test data: unique ids per test so that tests sharing one cluster never see each other's users.</summary>
internal static class Events
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static InteractionEvent Play(string user, string item, int minute = 0) =>
        new(user, item, EventType.Play, null, Start.AddMinutes(minute));

    public static ImmutableArray<InteractionEvent> Plays(string user, params string[] items) =>
        [.. items.Select((item, i) => Play(user, item, i))];
}
