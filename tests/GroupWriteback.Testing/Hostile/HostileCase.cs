namespace GroupWriteback.Testing.Hostile;

/// <summary>
/// One hostile group: a display name, and optionally a description and mail values, with a label saying what it probes.
/// A case with a mail nickname is a Microsoft 365 group; the others are security groups.
/// </summary>
public sealed record HostileCase(string Label, string DisplayName, string? Description = null, string? MailNickname = null, string? Mail = null)
{
    /// <summary>Whether the case is written as a mail-enabled (Microsoft 365) group.</summary>
    public bool MailEnabled => MailNickname is not null;

    /// <inheritdoc />
    public override string ToString() => Label;
}
