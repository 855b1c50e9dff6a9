using System.Security.Cryptography;
using System.Text;

namespace GroupWriteback.Cloud.Api.Access;

/// <summary>
/// The keys the admin API accepts from callers without an Entra ID token. Only their SHA-256 hashes are kept, and a
/// presented key is compared with every one of them in constant time (<see cref="CryptographicOperations.FixedTimeEquals"/>
/// over equal-length hashes), so neither the length nor the content of a key leaks through timing.
/// </summary>
public sealed class AdminKeys
{
    private readonly byte[][] _hashes;

    /// <summary>Accepts each of <paramref name="keys"/>, configured in the setting <paramref name="setting"/>.</summary>
    public AdminKeys(IEnumerable<string> keys, string setting)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentException.ThrowIfNullOrWhiteSpace(setting);
        _hashes = [.. keys.Select(Hash)];
        Setting = setting;
    }

    /// <summary>The setting the keys come from (<c>AdminAuth:Keys</c>, <c>LocalHost:ApiKey</c>), for errors.</summary>
    public string Setting { get; }

    /// <summary>True when <paramref name="presented"/> is one of the keys.</summary>
    public bool Matches(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var hash = Hash(presented);
        var found = false;
        foreach (var key in _hashes)
        {
            // No early exit: every key is compared.
            found |= CryptographicOperations.FixedTimeEquals(hash, key);
        }

        return found;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
