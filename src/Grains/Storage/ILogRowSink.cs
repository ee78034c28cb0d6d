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
}
