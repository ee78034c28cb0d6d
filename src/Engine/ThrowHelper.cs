using System.Diagnostics.CodeAnalysis;

namespace AIaaS.Engine;

/// <summary>Small throw helpers keep the validating methods short enough to inline.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void Argument(string message, string paramName) => throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    public static void OutOfRange(string paramName, string message) => throw new ArgumentOutOfRangeException(paramName, message);

    [DoesNotReturn]
    public static void LengthMismatch(string paramName, int expected, int actual) =>
        throw new ArgumentException($"{paramName} has length {actual}; expected {expected}.", paramName);

    [DoesNotReturn]
    public static void Option(string option, string rule, object? value) =>
        throw new ArgumentException($"{option} {rule} (was {value}).", option);
}
