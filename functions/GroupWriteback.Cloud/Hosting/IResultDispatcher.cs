using GroupWriteback.Transport;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Hosting;

/// <summary>
/// Drains the results queue once: raises each result as <c>CommandResult</c> on the orchestration
/// named in its <c>ReplyTo</c> and settles the message. The source and the client are passed per
/// call: the Functions host binds its Durable client per invocation, and <see cref="ResultsDrain"/>
/// hands over a source that records what the agent sent.
/// </summary>
public interface IResultDispatcher
{
    /// <summary>Receives what is waiting on <paramref name="source"/> and dispatches it.</summary>
    Task DrainOnceAsync(IResultSource source, DurableTaskClient client, CancellationToken cancellationToken);
}
