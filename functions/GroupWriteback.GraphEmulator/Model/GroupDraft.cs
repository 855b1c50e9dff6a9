namespace GroupWriteback.GraphEmulator.Model;

/// <summary>What <see cref="EmulatedTenant.CreateGroup"/> needs; the id is generated when not given.</summary>
public sealed record GroupDraft
{
    public string? Id { get; init; }

    public required string DisplayName { get; init; }

    public string? Description { get; init; }

    public string? Mail { get; init; }

    /// <summary>Derived from the display name when not given.</summary>
    public string? MailNickname { get; init; }

    public bool MailEnabled { get; init; }

    public bool SecurityEnabled { get; init; }

    public IReadOnlyList<string> GroupTypes { get; init; } = [];

    public IReadOnlyList<string> ProxyAddresses { get; init; } = [];

    public string? Visibility { get; init; }

    public DateTimeOffset? CreatedDateTime { get; init; }

    public string? OnPremisesSecurityIdentifier { get; init; }

    public bool? OnPremisesSyncEnabled { get; init; }

    public WritebackConfiguration? WritebackConfiguration { get; init; }

    /// <summary>Ids of users or groups that are members from the start.</summary>
    public IReadOnlyList<string> Members { get; init; } = [];

    /// <summary>A Microsoft 365 group as Entra creates it: mail-enabled, not security-enabled, Unified.</summary>
    public static GroupDraft Microsoft365(string displayName, string mailNickname, string mailDomain = "corp.test") =>
        new()
        {
            DisplayName = displayName,
            MailNickname = mailNickname,
            Mail = $"{mailNickname}@{mailDomain}",
            MailEnabled = true,
            SecurityEnabled = false,
            GroupTypes = [GroupTypeNames.Unified],
            ProxyAddresses = [$"SMTP:{mailNickname}@{mailDomain}"],
            Visibility = "Private",
        };

    /// <summary>A cloud security group: security-enabled, not mail-enabled.</summary>
    public static GroupDraft Security(string displayName) =>
        new() { DisplayName = displayName, SecurityEnabled = true, MailEnabled = false };
}
