using GroupWriteback.Cloud.Workflows.Switch;

namespace GroupWriteback.Cloud.Workflows;

/// <summary>Well-known orchestration instance ids.</summary>
internal static class InstanceIds
{
    /// <summary>The singleton delta orchestration.</summary>
    public const string Delta = "delta";

    /// <summary>The singleton full sync / reconcile orchestration.</summary>
    public const string FullSync = "full-sync";

    /// <summary>The singleton disable-writeback orchestration.</summary>
    public const string DisableWriteback = "disable-writeback";

    /// <summary>The instance holding the <see cref="Orchestrations.WritebackSwitch"/>.</summary>
    public const string WritebackSwitch = "writeback-switch";

    /// <summary>Prefix of per-group orchestrations.</summary>
    public const string GroupPrefix = "group-";

    /// <summary>Prefix of grant orchestrations.</summary>
    public const string GrantPrefix = "grant-";

    /// <summary>The per-group orchestration of a group.</summary>
    public static string ForGroup(string groupId) => GroupPrefix + groupId;

    /// <summary>The group id of a per-group instance id, or null.</summary>
    public static string? GroupIdOf(string instanceId) =>
        instanceId is not null && instanceId.StartsWith(GroupPrefix, StringComparison.Ordinal) ? instanceId[GroupPrefix.Length..] : null;
}
