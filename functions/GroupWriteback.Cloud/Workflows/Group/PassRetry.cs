using System.Globalization;
using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Cloud.Workflows.Group;

/// <summary>
/// Decides whether a pass the agent answered with a <see cref="FailureReason.Transient"/> failure runs again: after
/// <see cref="WorkflowLimits.PassRetryDelay"/>, doubling per retry up to <see cref="MaxDelay"/>, at most
/// <see cref="WorkflowLimits.MaxPassRetries"/> times in a row; then the status says the pass was given up. Other
/// failures (refused, access denied) would fail the same way again and are not retried. Results that never came
/// back are re-queued by <see cref="ResultWaiter"/> inside the pass, not here.
/// </summary>
internal static class PassRetry
{
    /// <summary>Longest wait between two retries of a pass.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(30);

    /// <summary>The wait before retry number <paramref name="retry"/> (1 = first).</summary>
    public static TimeSpan Delay(TimeSpan first, int retry) =>
        TimeSpan.FromTicks((long)Math.Min(first.Ticks * Math.Pow(2, Math.Max(0, retry - 1)), MaxDelay.Ticks));

    /// <summary>The status with the retry (or the giving up) recorded.</summary>
    public static GroupStatus Schedule(GroupStatus after, int failuresBefore, IReadOnlyList<WritebackResult> failed, WorkflowLimits limits, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(failed);
        ArgumentNullException.ThrowIfNull(limits);
        if (!failed.Any(r => r.Reason == FailureReason.Transient))
        {
            return after with { TransientFailures = 0, RetryAt = null };
        }

        var failures = failuresBefore + 1;
        if (failures > limits.MaxPassRetries)
        {
            return after with
            {
                TransientFailures = failures,
                RetryAt = null,
                LastError = string.Create(
                    CultureInfo.InvariantCulture, $"Group {after.GroupId}: gave up after {failures - 1} retr{(failures == 2 ? "y" : "ies")} of a transiently failed pass. {after.LastError}"),
            };
        }

        var at = now + Delay(limits.PassRetryDelay, failures);
        return after with
        {
            Phase = GroupPhase.RetryWaiting,
            TransientFailures = failures,
            RetryAt = at,
            LastError = string.Create(
                CultureInfo.InvariantCulture, $"{after.LastError} Retry {failures} of {limits.MaxPassRetries} at {at:O}."),
        };
    }
}
