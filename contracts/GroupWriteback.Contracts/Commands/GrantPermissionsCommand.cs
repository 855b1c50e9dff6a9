using System.Text.Json.Serialization;

namespace GroupWriteback.Contracts.Commands;

/// <summary>
/// Grant an account what Set-ADSyncUnifiedGroupWritebackPermissions grants: Generic Read,
/// Generic Write, Create Child, Delete Child, Delete and Delete Tree, inherited to group objects.
/// </summary>
public sealed record GrantPermissionsCommand : WritebackCommand
{
    /// <summary>The account, as a DN or a SID (S-1-5-…).</summary>
    public required string Account { get; init; }

    /// <summary>Domain roots or one OU.</summary>
    public GrantScope Scope { get; init; } = GrantScope.OrganizationalUnit;

    /// <summary>The OU, when <see cref="Scope"/> is <see cref="GrantScope.OrganizationalUnit"/>.</summary>
    public string? TargetOu { get; init; }

    /// <summary>Skip AdminSDHolder when granting on domain roots.</summary>
    public bool SkipAdminSdHolder { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => CommandKinds.GrantPermissions;
}
