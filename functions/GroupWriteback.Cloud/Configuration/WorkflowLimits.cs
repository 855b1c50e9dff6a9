namespace GroupWriteback.Cloud.Configuration;

/// <summary>
/// The pacing and safety settings an orchestration runs with. Orchestrations read them through an
/// activity so the values are recorded in history and a replay sees the same ones.
/// </summary>
public sealed record WorkflowLimits
{
    /// <summary>See <see cref="WritebackScopeOptions.DeleteThreshold"/>.</summary>
    public int DeleteThreshold { get; init; } = 500;

    /// <summary>See <see cref="WritebackScopeOptions.MembershipRemovalThreshold"/>.</summary>
    public int MembershipRemovalThreshold { get; init; } = 1000;

    /// <summary>See <see cref="WritebackScopeOptions.ResultTimeout"/>.</summary>
    public TimeSpan ResultTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>See <see cref="WritebackScopeOptions.MaxRequeues"/>.</summary>
    public int MaxRequeues { get; init; } = 3;

    /// <summary>See <see cref="WritebackScopeOptions.MaxPassRetries"/>.</summary>
    public int MaxPassRetries { get; init; } = 5;

    /// <summary>See <see cref="WritebackScopeOptions.PassRetryDelay"/>.</summary>
    public TimeSpan PassRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>See <see cref="WritebackScopeOptions.FanOut"/>.</summary>
    public int FanOut { get; init; } = 20;

    /// <summary>See <see cref="WritebackScopeOptions.DebounceWindow"/>.</summary>
    public TimeSpan DebounceWindow { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>See <see cref="WritebackScopeOptions.MaxDebounce"/>.</summary>
    public TimeSpan MaxDebounce { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>See <see cref="WritebackScopeOptions.ApprovalTimeout"/>.</summary>
    public TimeSpan ApprovalTimeout { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Takes the limits from the options.</summary>
    public static WorkflowLimits From(WritebackScopeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new WorkflowLimits
        {
            DeleteThreshold = options.DeleteThreshold,
            MembershipRemovalThreshold = options.MembershipRemovalThreshold,
            ResultTimeout = options.ResultTimeout,
            MaxRequeues = options.MaxRequeues,
            MaxPassRetries = options.MaxPassRetries,
            PassRetryDelay = options.PassRetryDelay,
            FanOut = options.FanOut,
            DebounceWindow = options.DebounceWindow,
            MaxDebounce = options.MaxDebounce,
            ApprovalTimeout = options.ApprovalTimeout,
        };
    }
}
