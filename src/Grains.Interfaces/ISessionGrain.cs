using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Interfaces;

/// <summary>
/// Recommendations for an anonymous session (a viewer of a live event with no account): its events are folded into
/// a vector on the fly, exactly as a user's history is, and scored through the batching inference grain. Nothing is
/// stored and nothing is counted as a user. Stateless: any silo answers.
/// </summary>
[Alias("AIaaS.ISessionGrain")]
public interface ISessionGrain : IGrainWithIntegerKey
{
    /// <summary>Ranks items for the session's events, leaving out the session's own items.</summary>
    [Alias("Recommend")]
    ValueTask<Recommendations> RecommendAsync(SessionRequest request);
}
