using AIaaS.Grains.Interfaces;
using Microsoft.AspNetCore.Diagnostics;

namespace AIaaS.Silo.Api;

/// <summary>Storage that failed is the service's 503, not the caller's fault: nothing was acknowledged and the request may be retried.</summary>
internal sealed class StorageUnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not StorageUnavailableException unavailable)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = 503, Title = "Storage is unavailable; nothing of this request was applied.", Detail = unavailable.Message },
        });
    }
}
