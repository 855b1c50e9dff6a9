using GroupWriteback.Contracts.Results;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Hosting;

/// <summary>
/// Drains the results queue once: raises each result as <c>CommandResult</c> on the orchestration
/// named in its <c>ReplyTo</c> and settles the message. A plain class behind this interface lets a
/// timer call it today and a queue trigger tomorrow.
/// </summary>
public interface IResultDispatcher
{
    /// <summary>Dispatches what is waiting; returns the results that were delivered.</summary>
    Task<IReadOnlyList<WritebackResult>> DispatchAsync(DurableTaskClient client, CancellationToken cancellationToken);
}
