using Microsoft.DurableTask;

namespace GroupWriteback.Cloud.Orchestrations;

/// <summary>
/// Pauses a run that would delete too much until an operator raises
/// <see cref="EventNames.DeletesApproved"/> or <see cref="EventNames.DeletesRejected"/>.
/// No answer within the approval timeout counts as a rejection: deleting is never the default.
/// </summary>
public static class DeleteGuard
{
    /// <summary>True when approved; false when rejected or not answered in time.</summary>
    public static async Task<bool> AwaitApprovalAsync(TaskOrchestrationContext context, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var cancel = new CancellationTokenSource();
        var approved = context.WaitForExternalEvent<ApprovalDecision?>(EventNames.DeletesApproved, cancel.Token);
        var rejected = context.WaitForExternalEvent<ApprovalDecision?>(EventNames.DeletesRejected, cancel.Token);
        var timer = context.CreateTimer(timeout, cancel.Token);
        var winner = await Task.WhenAny(approved, rejected, timer);
        await cancel.CancelAsync();
        return winner == approved;
    }

    /// <summary>True when <paramref name="count"/> exceeds <paramref name="threshold"/>.</summary>
    public static bool Exceeds(int count, int threshold) => count > threshold;
}
