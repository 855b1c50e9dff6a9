using System.Security.Cryptography;
using System.Text;

namespace GroupWriteback.Cloud.Graph.Notifications;

/// <summary>
/// Compares a notification's clientState with the configured secret in constant time. Both are hashed first, so
/// neither the content nor the length of the secret shows in the timing.
/// </summary>
internal static class ClientStateCheck
{
    public static bool Matches(string expected, string? received)
    {
        ArgumentException.ThrowIfNullOrEmpty(expected);
        if (received is null)
        {
            return false;
        }

        Span<byte> expectedHash = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> receivedHash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), expectedHash);
        SHA256.HashData(Encoding.UTF8.GetBytes(received), receivedHash);
        return CryptographicOperations.FixedTimeEquals(expectedHash, receivedHash);
    }
}
