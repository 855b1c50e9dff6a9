namespace GroupWriteback.GraphEmulator.Model;

/// <summary>The properties of a group at one point in time. Membership is held by the tenant.</summary>
public sealed record EmulatedGroup
{
    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    public string? Description { get; init; }

    public string? Mail { get; init; }

    public required string MailNickname { get; init; }

    public bool MailEnabled { get; init; }

    public bool SecurityEnabled { get; init; }

    public IReadOnlyList<string> GroupTypes { get; init; } = [];

    public IReadOnlyList<string> ProxyAddresses { get; init; } = [];

    public string? Visibility { get; init; }

    public DateTimeOffset CreatedDateTime { get; init; }

    /// <summary>Null for groups created in the cloud; set for groups synced from on-premises.</summary>
    public string? OnPremisesSecurityIdentifier { get; init; }

    public bool? OnPremisesSyncEnabled { get; init; }

    public WritebackConfiguration? WritebackConfiguration { get; init; }

    public bool IsMicrosoft365Group =>
        GroupTypes.Any(t => string.Equals(t, GroupTypeNames.Unified, StringComparison.OrdinalIgnoreCase));
}
