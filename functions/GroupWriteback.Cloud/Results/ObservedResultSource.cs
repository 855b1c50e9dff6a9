using GroupWriteback.Contracts.Results;
using GroupWriteback.Transport;

namespace GroupWriteback.Cloud.Results;

/// <summary>Passes results through and keeps the well-formed ones: proof of life of the agent that sent them.</summary>
internal sealed class ObservedResultSource(IResultSource inner) : IResultSource
{
    private readonly List<WritebackResult> _results = [];

    public IReadOnlyList<WritebackResult> Results => _results;

    public async Task<IReadOnlyList<ReceivedResult>> ReceiveAsync(int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var received = await inner.ReceiveAsync(maxMessages, maxWait, cancellationToken);
        _results.AddRange(received.Where(r => r.Result is not null).Select(r => r.Result!));
        return received;
    }
}
