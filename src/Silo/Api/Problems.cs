using AIaaS.Silo.Options;

namespace AIaaS.Silo.Api;

/// <summary>RFC 7807 answers with a detail that says what was wrong.</summary>
internal static class Problems
{
    public static IResult BadRequest(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is invalid.");

    public static IResult NotFound(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    public static IResult TooLarge(long limit) =>
        Results.Problem(
            detail: $"The request body must be at most {limit} bytes ({ApiOptions.Section}:{nameof(ApiOptions.MaxRequestBodyBytes)}).",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "The request body is too large.");

    public static IResult UnsupportedMediaType(string? contentType) =>
        Results.Problem(
            detail: $"The request body must be JSON, sent with Content-Type application/json (was '{contentType}').",
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "The request body is not JSON.");
}
