using GroupWriteback.Contracts;

namespace GroupWriteback.Cloud.Workflows.Grant;

/// <summary>Input of <see cref="GrantPermissionsOrchestrator"/>.</summary>
public sealed record GrantRequest
{
    /// <summary>The writeback account, as a DN or a SID.</summary>
    public required string Account { get; init; }

    /// <summary>Domain roots or one OU.</summary>
    public GrantScope Scope { get; init; } = GrantScope.OrganizationalUnit;

    /// <summary>The OU when <see cref="Scope"/> is an OU.</summary>
    public string? TargetOu { get; init; }

    /// <summary>Skip AdminSDHolder for domain roots.</summary>
    public bool SkipAdminSdHolder { get; init; }
}
