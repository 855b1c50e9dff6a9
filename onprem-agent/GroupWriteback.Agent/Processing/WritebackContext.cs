using GroupWriteback.Agent.Directory;

namespace GroupWriteback.Agent.Processing;

/// <summary>What a command handler works with: one directory connection and the agent's rules.</summary>
internal sealed record WritebackContext(
    DirectoryClient Directory,
    SchemaCapabilities Schema,
    ScopeGuard Scope,
    int MemberBatchSize,
    bool DryRun = false,
    bool AllowDomainRootGrants = false)
{
    /// <summary>Snapshot chunks seen by a dry run; a real run keeps them in the <see cref="SnapshotStore"/>.</summary>
    public PlannedSnapshots PlannedSnapshots { get; } = new();

    /// <summary>
    /// Cancelled when the agent stops and the command in hand may run no longer. Handlers check it between LDAP
    /// operations, so a stopped command is left between two whole writes and converges on redelivery.
    /// </summary>
    public CancellationToken Aborting { get; init; }

    /// <summary>Longest sAMAccountName a new group gets (<c>Directory:SamAccountNameMaxLength</c>).</summary>
    public int MaxSamAccountName { get; init; } = GroupNaming.DefaultMaxSamAccountName;

    /// <summary>What the agent learned from the directory moments ago (shared by every context of one agent).</summary>
    public DirectoryMemory Memory { get; init; } = new();
}
