namespace AIaaS.Storage.IntegrationTests.Contracts;

/// <summary>A contract test class: a new, empty <typeparamref name="TStore"/> per test, and what it took to open it released after.</summary>
public abstract class StoreContract<TStore> : IAsyncLifetime
    where TStore : class
{
    private readonly Stack<IAsyncDisposable> _owned = new();
    private TStore? _store;

    protected static CancellationToken None => CancellationToken.None;

    protected TStore Store => _store ?? throw new InvalidOperationException("The store is opened before each test.");

    public async Task InitializeAsync() => _store = await OpenAsync();

    public async Task DisposeAsync()
    {
        while (_owned.TryPop(out var resource))
        {
            await resource.DisposeAsync();
        }
    }

    /// <summary>A new, empty store; what it opens on the way is handed to <see cref="Own{T}"/>.</summary>
    protected abstract Task<TStore> OpenAsync();

    /// <summary>Releases <paramref name="resource"/> after the test, the last owned first.</summary>
    protected T Own<T>(T resource)
        where T : IAsyncDisposable
    {
        _owned.Push(resource);
        return resource;
    }
}
