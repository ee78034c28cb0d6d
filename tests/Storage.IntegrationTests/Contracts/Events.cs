using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Storage.IntegrationTests.Contracts;

/// <summary>Log entries for the contract tests: timestamps to the tick, on an offset other than UTC.</summary>
internal static class Events
{
    public static readonly DateTimeOffset Start = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(5.75)).AddTicks(1_234_567);

    public static LoggedEvent At(long sequence, string user, string item, string? eventId = null) =>
        new(sequence, new InteractionEvent(user, item, EventType.Play, null, Start.AddTicks(sequence * 1_000_003)) { EventId = eventId });

    /// <summary>Entries <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> - 1, each with its own event id.</summary>
    public static List<LoggedEvent> Run(long from, int count, string user, string item = "item")
    {
        var entries = new List<LoggedEvent>(count);
        for (var s = from; s < from + count; s++)
        {
            entries.Add(At(s, user, item, $"{user}/{s}"));
        }

        return entries;
    }
}
