namespace GroupWriteback.Cloud.Graph.Notifications;

/// <summary>
/// Asks the delta workflow to read <c>groups/delta</c> soon. The host implements it (over Durable Task: raise the
/// delta orchestration's event); it must return quickly, because Graph expects an answer within seconds.
/// </summary>
public interface IDeltaSignal
{
    /// <summary>Requests a delta read; <paramref name="reason"/> says why (e.g. <c>changeNotification</c>, <c>lifecycle:missed</c>).</summary>
    Task RequestDeltaAsync(string reason, CancellationToken ct);
}
