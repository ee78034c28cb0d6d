namespace AIaaS.Silo.Api;

/// <summary>RFC 7807 answers with a detail that says what was wrong.</summary>
internal static class Problems
{
    public static IResult BadRequest(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is invalid.");
}
