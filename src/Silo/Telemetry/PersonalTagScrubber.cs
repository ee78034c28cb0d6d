using System.Diagnostics;
using OpenTelemetry;

namespace AIaaS.Silo.Telemetry;

/// <summary>
/// Removes the span tags that can carry a user id or a request's content before any exporter sees the span:
/// the request path and query (<c>/users/{userId}/...</c>; the route template stays in <c>http.route</c>), the
/// grain ids Orleans tags its calls with (a user grain's key is the user id) and exception messages.
/// </summary>
internal sealed class PersonalTagScrubber : BaseProcessor<Activity>
{
    internal static readonly string[] Tags =
    [
        "url.path", "url.query", "url.full",
        "orleans.rpc.target_id", "orleans.rpc.source_id", "orleans.grain.id",
        "exception.message", "exception.stacktrace",
    ];

    public override void OnEnd(Activity data)
    {
        foreach (var tag in Tags)
        {
            if (data.GetTagItem(tag) is not null)
            {
                // Setting a tag to null removes it.
                data.SetTag(tag, null);
            }
        }
    }
}
