using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Transport;

/// <summary>Agent side: sends results to the results queue.</summary>
public interface IResultPublisher
{
    /// <summary>Sends one result.</summary>
    Task PublishAsync(WritebackResult result, CancellationToken cancellationToken);
}
