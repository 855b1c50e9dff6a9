namespace GroupWriteback.Cloud.Workflows.Switch;

/// <summary>
/// Whether this service may write groups back at all. A disable run turns it off once its deletes are
/// approved; only <c>POST /api/writeback/enable</c> turns it back on. Stored by <see cref="WritebackSwitchControl"/>.
/// </summary>
public sealed record WritebackSwitch
{
    /// <summary>The reason a pass is skipped while writeback is off.</summary>
    public const string SkipReason = Planning.GroupPassRequest.WritebackDisabledReason;

    /// <summary>The state before anyone ever disabled writeback.</summary>
    public static WritebackSwitch On { get; } = new();

    /// <summary>False from the approval of a disable run until an operator enables writeback again.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>When the disable run's deletes were approved.</summary>
    public DateTimeOffset? DisabledAt { get; init; }

    /// <summary>The disable run that turned writeback off (its instance id).</summary>
    public string? DisabledByRun { get; init; }

    /// <summary>The preview the operator approved in that run; null when it had nothing to delete.</summary>
    public string? ApprovedPreviewId { get; init; }

    /// <summary>When an operator last enabled writeback again.</summary>
    public DateTimeOffset? EnabledAt { get; init; }

    /// <summary>Who enabled it ("admin" for the admin API).</summary>
    public string? EnabledBy { get; init; }

    /// <summary>Writeback turned off by the run <paramref name="instanceId"/> at <paramref name="at"/>.</summary>
    public static WritebackSwitch Off(string instanceId, string? approvedPreviewId, DateTimeOffset at) =>
        new() { Enabled = false, DisabledAt = at, DisabledByRun = instanceId, ApprovedPreviewId = approvedPreviewId };

    /// <summary>Writeback turned back on by <paramref name="by"/> at <paramref name="at"/>.</summary>
    public static WritebackSwitch EnabledAgain(string by, DateTimeOffset at) => new() { Enabled = true, EnabledAt = at, EnabledBy = by };
}
