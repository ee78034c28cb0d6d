using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using Orleans.Concurrency;

namespace AIaaS.Grains.Users;

/// <summary>
/// An anonymous session's recommendations: its events become a throwaway history (the same state a user grain
/// folds in), ranked by the shared <see cref="Recommender"/>; nothing is written anywhere.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class SessionGrain(Recommender recommender, TimeProvider time) : Grain, ISessionGrain
{
    public async ValueTask<Recommendations> RecommendAsync(SessionRequest request)
    {
        EventRules.ThrowIfInvalid(CatalogRules.CheckSession(request), nameof(request));
        var now = time.GetUtcNow();
        var history = new UserState();
        for (var i = 0; i < request.Events.Length; i++)
        {
            var e = CatalogRules.AsUserEvent(request.Events[i], now);
            // Not shared (SharedItemIds): an anonymous request's ids are not known to be the catalog's.
            history.History.Add(new HistoryEntry(i, e.ItemId, e.Type, e.Value, e.Timestamp));
            history.Seen.Add(e.ItemId);
        }

        var ranked = await recommender.RecommendAsync(history, request.Request);
        return ranked with { UserId = CatalogRules.SessionUser };
    }
}
