using AIaaS.Grains.Interfaces;
using Microsoft.AspNetCore.Diagnostics;

namespace AIaaS.Silo.Api;

/// <summary>
/// Storage that failed, or a silo past its queue bound, is the service's 503, not the caller's fault: nothing was
/// acknowledged and the request may be retried after the Retry-After seconds.
/// </summary>
internal sealed class UnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var title = exception switch
        {
            StorageUnavailableException => "Storage is unavailable; nothing of this request was applied.",
            ServiceOverloadedException => "The service is overloaded; nothing of this request was done.",
            _ => null,
        };
        if (title is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = 503, Title = title, Detail = exception.Message },
        });
    }
}
