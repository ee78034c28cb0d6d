using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Storage;

/// <summary>
/// Takes the rows of a partition read (<see cref="IInteractionLogStore.ReadRowsAsync"/>) one at a time, as the store
/// decodes them: the training reads the whole log this way, without an object or a string per event. The spans are
/// valid only during the call. One read calls its sink from one thread at a time.
/// </summary>
public interface ILogRowSink
{
    void Add(long sequence, ReadOnlySpan<char> userId, ReadOnlySpan<char> itemId, EventType type, float? value);

    /// <summary>
    /// A row from a store that numbers its ids (SQLite's log keys, from 1): a key stands for one id and never for
    /// another while the store lives, so a sink may remember what it made of a key instead of looking the id up on
    /// every row. The default ignores the keys.
    /// </summary>
    void Add(long sequence, long userKey, string userId, long itemKey, string itemId, EventType type, float? value) =>
        Add(sequence, userId.AsSpan(), itemId.AsSpan(), type, value);
}
