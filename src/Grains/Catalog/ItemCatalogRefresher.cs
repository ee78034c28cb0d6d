using AIaaS.Grains.Options;
using AIaaS.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AIaaS.Grains.Catalog;

/// <summary>
/// Reads the catalog's changes since this silo's revision from the store, once per model refresh interval and at
/// start-up, so an item hidden or deleted on any silo leaves every silo's answers within one interval.
/// </summary>
public sealed class ItemCatalogRefresher(
    ItemCatalog catalog,
    IItemCatalogStore store,
    IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<ItemCatalogRefresher> logger) : PeriodicRefresher(time)
{
    private const int PageSize = 10_000;

    /// <summary>Reads every change after this silo's revision now.</summary>
    public Task RefreshAsync(CancellationToken cancellationToken = default) =>
        OneAtATimeAsync(() => ReadChangesAsync(cancellationToken), cancellationToken);

    protected override TimeSpan Interval => options.Value.ModelRefreshInterval;

    protected override Task<bool> TickAtStartAsync(CancellationToken stoppingToken) => Task.FromResult(true);

    protected override Task TickAsync(CancellationToken cancellationToken) => RefreshAsync(cancellationToken);

    protected override void OnTickFailed(Exception exception) => Grains.Log.CatalogRefreshFailed(logger, exception);

    private async Task ReadChangesAsync(CancellationToken cancellationToken)
    {
        var changes = new List<CatalogEntry>();
        var through = catalog.Revision;
        while (true)
        {
            var page = await store.ReadChangesAsync(through, PageSize, cancellationToken);
            changes.AddRange(page.Entries);
            if (page.Entries.Length > 0)
            {
                through = page.Entries[^1].Revision;
            }

            if (page.IsEnd || page.Entries.Length == 0)
            {
                break;
            }
        }

        catalog.Apply(changes, through);
    }
}
