using System.ComponentModel.DataAnnotations;
using GroupWriteback.Contracts;

namespace GroupWriteback.Cloud.Configuration;

/// <summary>What is written back, where it goes and how the workflows pace themselves (section "Writeback").</summary>
public sealed class WritebackScopeOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Writeback";

    /// <summary>Which groups are in scope.</summary>
    public ScopeMode Mode { get; set; } = ScopeMode.All;

    /// <summary>Selected mode: group object ids in scope.</summary>
    public IList<string> SelectedGroupIds { get; } = [];

    /// <summary>Selected mode: a Graph <c>$filter</c> on groups (for example <c>startswith(displayName,'Sales')</c>).</summary>
    public string? SelectedFilter { get; set; }

    /// <summary>
    /// Selected mode: groups that are (transitive) members of this group are in scope. The delta round starts a
    /// pass for each group added to or removed from it directly; a nested group that moves with its parent is
    /// picked up by the next full sync.
    /// </summary>
    public string? ScopingGroupId { get; set; }

    /// <summary>The OU new groups are written to.</summary>
    [Required]
    public string DefaultTargetOu { get; set; } = string.Empty;

    /// <summary>Per-group target OU (group object id → OU DN).</summary>
    public IDictionary<string, string> TargetOuByGroup { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per-group on-premises type, overriding the group's writebackConfiguration.</summary>
    public IDictionary<string, OnPremisesGroupType> GroupTypeOverrides { get; } = new Dictionary<string, OnPremisesGroupType>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How written-back groups are named.</summary>
    public NamingScheme Naming { get; set; } = NamingScheme.ObjectId;

    /// <summary>
    /// A run that would delete more written-back groups than this pauses for approval. A delta round counts the
    /// groups deleted in the cloud and the groups leaving scope together; full sync counts the written-back
    /// groups it no longer finds in scope.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int DeleteThreshold { get; set; } = 500;

    /// <summary>A pass that would remove more members than this from one group pauses for approval.</summary>
    [Range(1, int.MaxValue)]
    public int MembershipRemovalThreshold { get; set; } = 1000;

    /// <summary>How long a pass waits for the agent's results before it re-queues the missing commands.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ResultTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often missing results are re-queued (same ids) before the pass gives up.</summary>
    [Range(0, 20)]
    public int MaxRequeues { get; set; } = 3;

    /// <summary>
    /// How often a pass that the agent answered with a transient failure is run again (a durable timer waits
    /// <see cref="PassRetryDelay"/>, doubling each time, at most 30 min) before the group's status gives up.
    /// </summary>
    [Range(0, 20)]
    public int MaxPassRetries { get; set; } = 5;

    /// <summary>The wait before the first retry of a transiently failed pass.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PassRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many groups are started or signalled at once, and how many full-sync passes run at once.</summary>
    [Range(1, 1000)]
    public int FanOut { get; set; } = 20;

    /// <summary>
    /// Quiet window after a change signal before the delta is read; signals inside it are merged (the window restarts
    /// with each, up to <see cref="MaxDebounce"/>). It is paid by every single change, so it is short: Graph sends a
    /// burst's notifications within milliseconds of each other, and a change that arrives later is read by the next
    /// round, at the cost of one delta request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DebounceWindow { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Longest a burst of signals can postpone a delta read.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxDebounce { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a paused run waits for an approval before it gives up the deletes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan ApprovalTimeout { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Groups per full-sync listing page.</summary>
    [Range(1, 999)]
    public int ListPageSize { get; set; } = 999;
}
