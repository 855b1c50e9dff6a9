using GroupWriteback.Agent.Directory;

namespace GroupWriteback.Agent.Processing;

/// <summary>What a command handler works with: one directory connection and the agent's rules.</summary>
public sealed record WritebackContext(
    DirectoryClient Directory,
    SchemaCapabilities Schema,
    ScopeGuard Scope,
    int MemberBatchSize,
    bool DryRun = false,
    bool AllowDomainRootGrants = false);
