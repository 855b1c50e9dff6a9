using System.Collections.Concurrent;
using GroupWriteback.Cloud.Graph.Notifications;

namespace GroupWriteback.Cloud.Tests.Emulation;

/// <summary>An <see cref="IDeltaSignal"/> that records the reasons it was given; it can be told to fail.</summary>
public sealed class RecordingDeltaSignal : IDeltaSignal
{
    public ConcurrentQueue<string> Reasons { get; } = new();

    public Exception? Failure { get; set; }

    public Task RequestDeltaAsync(string reason, CancellationToken ct)
    {
        if (Failure is not null)
        {
            return Task.FromException(Failure);
        }

        Reasons.Enqueue(reason);
        return Task.CompletedTask;
    }
}
