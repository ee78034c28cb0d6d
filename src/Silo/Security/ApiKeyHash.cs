using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace AIaaS.Silo.Security;

/// <summary>
/// Keys are kept as their SHA-256: a key is 256 random bits, so a hash without salt or stretching cannot be reversed,
/// and the database never holds a usable key.
/// </summary>
internal static class ApiKeyHash
{
    public static ImmutableArray<byte> Of(string key) =>
        ImmutableArray.Create(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>In constant time, so that timing tells nothing about how much of a guess matched.</summary>
    public static bool Same(ImmutableArray<byte> a, ImmutableArray<byte> b) =>
        CryptographicOperations.FixedTimeEquals(a.AsSpan(), b.AsSpan());
}
