using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AIaaS.Silo.Security;

/// <summary>
/// ASP.NET Core's rate limiter over /v1: one token bucket per key id (per client address for requests without a
/// valid key), never queueing; a request over the limit is answered 429 with Retry-After before the endpoint runs.
/// A batch of events is one request.
/// </summary>
internal static class RequestRateLimiter
{
    /// <summary>Buckets refill in steps of at most this, so that a rate is spread over the second, not granted at its start.</summary>
    private static readonly TimeSpan MaxStep = TimeSpan.FromMilliseconds(100);

    public static void Configure(RateLimiterOptions limiter, RateLimitOptions limits)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = RejectAsync;
        if (!limits.Enabled)
        {
            return;
        }

        var bucket = Bucket(limits);
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.Request.Path.StartsWithSegments("/v1")
                ? RateLimitPartition.GetTokenBucketLimiter(Partition(context), _ => bucket)
                : RateLimitPartition.GetNoLimiter(string.Empty));
    }

    /// <summary>The bucket for a rate: whole tokens every step, the step as long as the rate needs and at most <see cref="MaxStep"/>.</summary>
    public static TokenBucketRateLimiterOptions Bucket(RateLimitOptions limits)
    {
        var perStep = Math.Max(1, (int)(limits.RequestsPerSecond * MaxStep.TotalSeconds));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.EffectiveBurst,
            TokensPerPeriod = perStep,
            ReplenishmentPeriod = TimeSpan.FromSeconds((double)perStep / limits.RequestsPerSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    private static string Partition(HttpContext context) =>
        context.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value is { } keyId
            ? $"key:{keyId}"
            : $"address:{context.Connection.RemoteIpAddress ?? IPAddress.None}";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        var context = rejected.HttpContext;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        await Results.Problem(
                detail: $"More than {limits.RequestsPerSecond} requests per second (burst {limits.EffectiveBurst}) for this key; retry after {seconds} s ({RateLimitOptions.Section}).",
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests.")
            .ExecuteAsync(context);
    }
}
