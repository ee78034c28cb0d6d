using System.Buffers.Text;
using System.Security.Cryptography;
using AIaaS.Grains.Security;
using AIaaS.Grains.Storage;

namespace AIaaS.Silo.Security;

/// <summary>A new key: what is stored (its hash) and the key itself, which is shown once and kept nowhere.</summary>
internal sealed record IssuedKey(StoredApiKey Stored, string Key)
{
    private const string KeyPrefix = "aiaas_";
    private const string IdPrefix = "key_";

    /// <summary>256 random bits as base64url behind a prefix that secret scanners can look for: 49 characters.</summary>
    public static IssuedKey Create(string name, ApiScope scope, DateTimeOffset now)
    {
        var key = KeyPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var id = IdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return new IssuedKey(new StoredApiKey(id, name, scope, ApiKeyHash.Of(key), now, null), key);
    }
}
