using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Storage;

namespace AIaaS.Storage.IntegrationTests.Contracts;

/// <summary>A row of a partition read, as the store handed it to its sink.</summary>
internal sealed record LogRow(long Sequence, string UserId, string ItemId, EventType Type, float? Value)
{
    public static LogRow Of(LoggedEvent logged) =>
        new(logged.Sequence, logged.Event.UserId, logged.Event.ItemId, logged.Event.Type, logged.Event.Value);
}

/// <summary>Collects a partition read's rows, copying the spans the store lends.</summary>
internal sealed class CollectedRows : ILogRowSink
{
    public List<LogRow> Rows { get; } = [];

    public void Add(long sequence, ReadOnlySpan<char> userId, ReadOnlySpan<char> itemId, EventType type, float? value) =>
        Rows.Add(new LogRow(sequence, userId.ToString(), itemId.ToString(), type, value));
}

internal static class LogReads
{
    /// <summary>One page of <see cref="IInteractionLogStore.ReadRowsAsync"/>: its rows and what the store said of it.</summary>
    public static async Task<(List<LogRow> Rows, LogRowPage Page)> ReadPageAsync(this IInteractionLogStore store, int partition, long afterSequence, int maxEvents)
    {
        var rows = new CollectedRows();
        var page = await store.ReadRowsAsync(partition, afterSequence, maxEvents, rows, CancellationToken.None);
        Assert.Equal(rows.Rows.Count, page.Rows);
        return (rows.Rows, page);
    }
}
