namespace GroupWriteback.Agent.Directory;

/// <summary>
/// A group's member as the extended DN control shows it in the <c>member</c> values: its DN and the objectGUID
/// and SID the DC keeps beside it (<see cref="ObjectGuid"/> is empty and <see cref="Sid"/> null when the DC did not
/// say; a contact has no SID).
/// </summary>
internal sealed record CurrentMember(string Dn, Guid ObjectGuid, string? Sid)
{
    /// <summary>
    /// Reads one value of the form <c>&lt;GUID=…&gt;;&lt;SID=…&gt;;CN=…</c>; a plain DN (the control ignored) is a
    /// member with no identities. A DN's own <c>&lt;</c> is always escaped, so a value's leading parts are the
    /// control's.
    /// </summary>
    public static CurrentMember Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var guid = Guid.Empty;
        string? sid = null;
        var rest = value.AsSpan();
        while (rest.StartsWith("<") && rest.IndexOf(">;") is var end and > 0)
        {
            var part = rest[1..end];
            if (part.StartsWith("GUID=", StringComparison.OrdinalIgnoreCase))
            {
                _ = Guid.TryParseExact(part[5..], "D", out guid);
            }
            else if (part.StartsWith("SID=", StringComparison.OrdinalIgnoreCase) && part[4..].StartsWith("S-1-"))
            {
                sid = part[4..].ToString();
            }

            rest = rest[(end + 2)..];
        }

        return new CurrentMember(rest.ToString(), guid, sid);
    }
}
