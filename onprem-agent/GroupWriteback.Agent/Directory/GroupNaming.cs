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
/// one space, and the ends are trimmed. A display name that is empty after cleaning (only white space, line breaks
/// or NULs) is written as <c>Group_&lt;objectId&gt;</c>, the same fallback the CN uses.
/// </summary>
public static class GroupNaming
{
    /// <summary>Longest display-name part of a CN.</summary>
    public const int MaxDisplayNamePart = 51;

    /// <summary>Longest sAMAccountName the agent writes.</summary>
    public const int MaxSamAccountName = 64;

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
    /// The sAMAccountName candidate for attempt <paramref name="attempt"/> (0 = plain). Later
    /// attempts add a suffix derived from the object id, so retries are deterministic.
    /// </summary>
    public static string SamAccountName(WritebackAnchor anchor, string commonName, int attempt)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(commonName);
        var builder = new StringBuilder(commonName.Length);
        foreach (var c in commonName)
        {
            if (SamForbidden.Contains(c, StringComparison.Ordinal) || char.IsControl(c))
            {
                continue;
            }

            builder.Append(c);
        }

        // A trailing period or leading/trailing space makes a name Windows cannot use.
        var baseName = builder.ToString().Trim().TrimEnd('.');
        if (baseName.Length == 0)
        {
            baseName = anchor.Value;
        }

        if (attempt == 0)
        {
            return Truncate(baseName, MaxSamAccountName).TrimEnd('.', ' ');
        }

        var id = anchor.ObjectId.ToString("N");
        var suffix = attempt == 1
            ? "_" + id[..8]
            : string.Create(CultureInfo.InvariantCulture, $"_{id[..8]}{attempt}");
        return Truncate(baseName, MaxSamAccountName - suffix.Length).TrimEnd('.', ' ') + suffix;
    }

    /// <summary>The displayName to store: the cleaned name, or <c>Group_&lt;objectId&gt;</c> when nothing is left.</summary>
    public static string DisplayName(WritebackAnchor anchor, string? displayName)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        var cleaned = CleanText(displayName);
        return cleaned.Length == 0 ? anchor.Value : cleaned;
    }

    /// <summary>Controls (C0 and C1) to spaces, white-space runs to one space, ends trimmed.</summary>
    public static string CleanText(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
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

            builder.Append(c);
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
