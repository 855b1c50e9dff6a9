using GroupWriteback.Contracts;

namespace GroupWriteback.Cloud.Graph;

/// <summary>The properties of an Entra ID group that the planner needs.</summary>
public sealed record CloudGroup
{
    /// <summary>Entra object id of the group.</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string DisplayName { get; init; }

    /// <summary>Description, when set.</summary>
    public string? Description { get; init; }

    /// <summary>Primary SMTP address, for mail-enabled groups.</summary>
    public string? Mail { get; init; }

    /// <summary>Mail alias.</summary>
    public string? MailNickname { get; init; }

    /// <summary>Proxy addresses (<c>SMTP:</c>, <c>smtp:</c>, …).</summary>
    public IReadOnlyList<string> ProxyAddresses { get; init; } = [];

    /// <summary><c>groupTypes</c> contains <c>Unified</c>.</summary>
    public bool IsMicrosoft365 { get; init; }

    /// <summary>Graph <c>securityEnabled</c>.</summary>
    public bool SecurityEnabled { get; init; }

    /// <summary>Graph <c>mailEnabled</c>.</summary>
    public bool MailEnabled { get; init; }

    /// <summary><c>writebackConfiguration.isEnabled</c>; null when Graph leaves it unset.</summary>
    public bool? WritebackEnabled { get; init; }

    /// <summary><c>writebackConfiguration.onPremisesGroupType</c>; null when unset or unknown.</summary>
    public OnPremisesGroupType? WritebackGroupType { get; init; }

    /// <summary>The group is synced from AD; such groups are never written back.</summary>
    public bool OnPremisesSyncEnabled { get; init; }
}
