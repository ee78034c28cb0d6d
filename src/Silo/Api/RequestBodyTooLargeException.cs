namespace AIaaS.Silo.Api;

/// <summary>A request body grew past its limit while it was read.</summary>
internal sealed class RequestBodyTooLargeException(long limit)
    : IOException($"The request body is larger than {limit} bytes.");
