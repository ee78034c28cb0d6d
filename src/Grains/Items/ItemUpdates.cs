using System.Collections.Immutable;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Items;

/// <summary>Sends item updates with one call per distinct item, however many events touched it.</summary>
internal static class ItemUpdates
{
    public static Task SendAsync(IGrainFactory grains, IEnumerable<ItemUpdate> updates)
    {
        var byItem = Grouping.By(updates, update => update.ItemId);
        var calls = new List<Task>(byItem.Count);
        foreach (var (itemId, itemUpdates) in byItem)
        {
            calls.Add(grains.ByKey<IItemGrain>(itemId).RecordAsync([.. itemUpdates.Select(u => u.Interaction)]).AsTask());
        }

        return Task.WhenAll(calls);
    }

    /// <summary>Tells each item what an erased user's events had told it, one call per distinct item.</summary>
    public static Task ForgetAsync(IGrainFactory grains, string userId, IEnumerable<ItemUpdate> contributions)
    {
        var byItem = Grouping.By(contributions, update => update.ItemId);
        var calls = new List<Task>(byItem.Count);
        foreach (var (itemId, itemUpdates) in byItem)
        {
            calls.Add(grains.ByKey<IItemGrain>(itemId).ForgetUserAsync(userId, [.. itemUpdates.Select(u => u.Interaction)]).AsTask());
        }

        return Task.WhenAll(calls);
    }
}
