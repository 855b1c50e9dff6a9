using System.Globalization;
using System.Text;
using GroupWriteback.Contracts;

namespace GroupWriteback.Agent.Directory;

/// <summary>
/// Derives a group's CN and sAMAccountName. CN is <c>Group_&lt;objectId&gt;</c>, or
/// <c>&lt;displayName trimmed to 51&gt;_&lt;last 12 of objectId&gt;</c> (64 characters at most,
/// the CN limit); the DN escapes it, so any display name is safe.
/// Text from the cloud is cleaned before it is stored (<see cref="CleanText"/>): every C0 and C1 control character
/// (U+0000–U+001F, U+007F–U+009F, line breaks and tabs included) becomes a space, runs of white space collapse to
/// one space, half a surrogate pair (not Unicode, so not storable) becomes U+FFFD, and the ends are trimmed. A display
/// name that is empty after cleaning (only white space, line breaks or NULs) is written as <c>Group_&lt;objectId&gt;</c>,
/// the same fallback the CN uses.
/// The sAMAccountName is the CN without the characters Windows forbids, at most 64 characters by default
/// (<c>Directory:SamAccountNameMaxLength</c>, 20 to 256: Windows takes group names up to 256, and 20 is the limit of
/// clients older than Windows 2000).
/// </summary>
internal static class GroupNaming
{
    /// <summary>Longest display-name part of a CN.</summary>
    public const int MaxDisplayNamePart = 51;

    /// <summary>The sAMAccountName length used unless <c>Directory:SamAccountNameMaxLength</c> says otherwise: the CN limit.</summary>
    public const int DefaultMaxSamAccountName = 64;

    /// <summary>The shortest limit that may be set: what clients older than Windows 2000 accept.</summary>
    public const int MinSamAccountName = 20;

    /// <summary>The longest limit that may be set: the schema's rangeUpper, and the Windows group-name limit.</summary>
    public const int MaxSamAccountNameLimit = 256;

    /// <summary>Attempts with a distinct suffix: one per 8-hex-digit window of the object id.</summary>
    public const int SamSuffixAttempts = 4;

    private const string SamForbidden = "\"/\\[]:;|=,+*?<>@";

    /// <summary>The CN value (unescaped) for a group.</summary>
    public static string CommonName(WritebackAnchor anchor, NamingScheme scheme, string? displayName)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        if (scheme == NamingScheme.ObjectId)
        {
            return anchor.Value;
        }

        var cleaned = Truncate(CleanText(displayName), MaxDisplayNamePart).TrimEnd();
        var suffix = anchor.ObjectId.ToString("D")[^12..];
        return cleaned.Length == 0 ? anchor.Value : $"{cleaned}_{suffix}";
    }

    /// <summary>
    /// The sAMAccountName candidate for attempt <paramref name="attempt"/> (0 = plain), at most
    /// <paramref name="maxLength"/> characters. Attempts 1 to 4 add <c>_</c> and the 1st to 4th group of 8 hex digits
    /// of the object id, so retries are deterministic and two groups with different ids differ in at least one of
    /// them; later attempts add the attempt number to the last group.
    /// </summary>
    public static string SamAccountName(WritebackAnchor anchor, string commonName, int attempt, int maxLength = DefaultMaxSamAccountName)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(commonName);
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, MinSamAccountName);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, MaxSamAccountNameLimit);
        var builder = new StringBuilder(commonName.Length);
        foreach (var c in commonName)
        {
            if (SamForbidden.Contains(c, StringComparison.Ordinal) || char.IsControl(c))
            {
                continue;
            }

            builder.Append(c);
        }

        var id = anchor.ObjectId.ToString("N");
        var window = Math.Min(attempt, SamSuffixAttempts) - 1;
        var suffix = attempt == 0
            ? string.Empty
            : string.Concat("_", id.AsSpan(window * 8, 8), attempt > SamSuffixAttempts ? attempt.ToString(CultureInfo.InvariantCulture) : string.Empty);

        // A trailing period or leading/trailing white space makes a name Windows cannot use; what is left after
        // cutting must still be a name, else the anchor stands in for it.
        var baseName = SamPart(builder.ToString(), maxLength - suffix.Length);
        if (baseName.Length == 0)
        {
            baseName = SamPart(anchor.Value, maxLength - suffix.Length);
        }

        return baseName + suffix;
    }

    private static string SamPart(string value, int maxLength)
    {
        var cut = Truncate(value.TrimStart(), maxLength);
        var end = cut.Length;
        while (end > 0 && (cut[end - 1] == '.' || char.IsWhiteSpace(cut[end - 1])))
        {
            end--;
        }

        return cut[..end];
    }

    /// <summary>The displayName to store: the cleaned name, or <c>Group_&lt;objectId&gt;</c> when nothing is left.</summary>
    public static string DisplayName(WritebackAnchor anchor, string? displayName)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        var cleaned = CleanText(displayName);
        return cleaned.Length == 0 ? anchor.Value : cleaned;
    }

    /// <summary>Controls (C0 and C1) to spaces, white-space runs to one space, lone surrogates to U+FFFD, ends trimmed.</summary>
    public static string CleanText(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Cuts to at most <paramref name="max"/> UTF-16 units without splitting a surrogate pair.</summary>
    public static string Truncate(string value, int max)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= max)
        {
            return value;
        }

        var length = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return value[..length];
    }
}
