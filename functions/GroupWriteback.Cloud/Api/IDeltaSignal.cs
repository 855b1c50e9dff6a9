namespace GroupWriteback.Cloud.Api;

/// <summary>Asks the delta workflow to read Graph's changes (notification, timer or operator).</summary>
public interface IDeltaSignal
{
    /// <summary>Signals the delta workflow; <paramref name="source"/> is "notification", "timer" or "admin".</summary>
    Task SignalAsync(string source, CancellationToken cancellationToken);
}
