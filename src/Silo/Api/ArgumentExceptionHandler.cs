using Microsoft.AspNetCore.Diagnostics;

namespace AIaaS.Silo.Api;

/// <summary>A rule broken past the endpoint's own checks (the grains check again) is still the caller's 400.</summary>
internal sealed class ArgumentExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ArgumentException argument)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = 400, Title = "The request is invalid.", Detail = argument.Message },
        });
    }
}
