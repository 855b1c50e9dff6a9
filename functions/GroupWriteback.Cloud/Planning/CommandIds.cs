using System.Security.Cryptography;
using System.Text;

namespace GroupWriteback.Cloud.Planning;

/// <summary>
/// Deterministic command ids: the same orchestration, pass and step always give the same id, so a
/// replay or a re-queue after a timeout is dropped by the queue's duplicate detection.
/// </summary>
internal static class CommandIds
{
    /// <summary>
    /// The id of one step of one pass of an orchestration; <paramref name="passStartedAt"/> (replay-safe orchestration
    /// time) keeps passes of a reset task hub, which count from 1 again, from reusing earlier ids.
    /// </summary>
    public static string For(string instanceId, int pass, string step, DateTimeOffset? passStartedAt = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(step);
        var text = passStartedAt is { } started
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{instanceId}|{pass}|{started.UtcTicks}|{step}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{instanceId}|{pass}|{step}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>The step name of a membership chunk.</summary>
    public static string MembershipStep(string kind, int chunkIndex) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kind}#{chunkIndex}");
}
