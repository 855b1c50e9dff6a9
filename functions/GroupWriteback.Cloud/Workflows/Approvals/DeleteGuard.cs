using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Workflows.Approvals;

/// <summary>
/// Pauses a run that would delete too much until an operator raises
/// <see cref="EventNames.DeletesApproved"/> or <see cref="EventNames.DeletesRejected"/> naming the
/// preview. No answer within the approval timeout counts as a rejection: deleting is never the default.
/// </summary>
internal static class DeleteGuard
{
    /// <summary>True when <paramref name="count"/> exceeds <paramref name="threshold"/>.</summary>
    public static bool Exceeds(int count, int threshold) => count > threshold;

    /// <summary>A preview id that is the same on every replay and differs between previews.</summary>
    public static string NewPreviewId(TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.NewGuid().ToString("N");
    }

    /// <summary>Waits for a decision about <paramref name="preview"/>, at most <paramref name="timeout"/>; says who decided.</summary>
    public static async Task<ApprovalRecord> AwaitDecisionAsync(TaskOrchestrationContext context, DeletePreview preview, TimeSpan timeout, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(preview);
        var deadline = context.CurrentUtcDateTime + timeout;
        while (context.CurrentUtcDateTime < deadline)
        {
            using var cancel = new CancellationTokenSource();
            var approved = context.WaitForExternalEvent<ApprovalDecision?>(EventNames.DeletesApproved, cancel.Token);
            var rejected = context.WaitForExternalEvent<ApprovalDecision?>(EventNames.DeletesRejected, cancel.Token);
            var timer = context.CreateTimer(deadline, cancel.Token);
            var winner = await Task.WhenAny(approved, rejected, timer);

            // Synchronously: CancelAsync runs the callbacks on the thread pool, off the orchestration's
            // thread, and the orchestration would go on there too.
            cancel.Cancel();
            if (winner == timer)
            {
                break;
            }

            var decision = await (Task<ApprovalDecision?>)winner;
            if (decision is not null && string.Equals(decision.PreviewId, preview.Id, StringComparison.Ordinal))
            {
                var outcome = winner == approved ? ApprovalOutcome.Approved : ApprovalOutcome.Rejected;
                return new ApprovalRecord(outcome, preview.Id, decision.By, decision.ById, decision.Comment, context.CurrentUtcDateTime);
            }

            Log.StaleDecisionIgnored(logger, context.InstanceId, decision?.PreviewId, preview.Id);
        }

        return new ApprovalRecord(ApprovalOutcome.TimedOut, preview.Id, null, null, null, context.CurrentUtcDateTime);
    }
}
