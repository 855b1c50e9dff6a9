namespace GroupWriteback.Cloud.Api;

/// <summary>Asks the delta workflow to read Graph's changes soon (notification, timer or operator).</summary>
public interface IDeltaSignal
{
    /// <summary>Requests a delta read; <paramref name="reason"/> says why (e.g. <c>changeNotification</c>, <c>timer</c>).</summary>
    Task RequestDeltaAsync(string reason, CancellationToken ct);
}
