using GroupWriteback.Contracts;

namespace GroupWriteback.Agent.Processing;

/// <summary>Grants the writeback permissions (implemented by the Security area).</summary>
internal interface IPermissionGranter
{
    /// <summary>Grants; returns a human-readable summary of what was added per target DN.</summary>
    Task<PermissionGrantSummary> GrantAsync(string account, GrantScope scope, string? targetOu, bool skipAdminSdHolder, CancellationToken cancellationToken);
}

/// <summary>What a grant did: ACEs added per target DN (0 where they were already present).</summary>
internal sealed record PermissionGrantSummary(IReadOnlyDictionary<string, int> AcesAddedByDn)
{
    /// <summary>Total ACEs added.</summary>
    public int Added => AcesAddedByDn.Values.Sum();
}
