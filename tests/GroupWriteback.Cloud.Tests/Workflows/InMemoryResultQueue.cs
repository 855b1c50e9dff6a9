using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Results;
using GroupWriteback.Transport;

namespace GroupWriteback.Cloud.Tests.Workflows;

/// <summary>
/// The results queue in memory, with peek-lock settlement: completed messages are gone, abandoned
/// ones come back with a higher delivery count, dead-lettered ones are kept with their reason.
/// Bodies travel as wire JSON, so a malformed body can be sent too.
/// </summary>
internal sealed class InMemoryResultQueue : IResultSource
{
    private readonly Channel<Message> _channel = Channel.CreateUnbounded<Message>();
    private int _nextId;

    public ConcurrentQueue<string> Completed { get; } = new();

    public ConcurrentQueue<(string MessageId, string Reason, string Description)> DeadLettered { get; } = new();

    public ConcurrentQueue<string> Abandoned { get; } = new();

    public void Send(WritebackResult result) => SendBody(WireSerializer.Serialize(result));

    public void SendBody(byte[] body) =>
        _channel.Writer.TryWrite(new Message(Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture), body, 1));

    public async Task<IReadOnlyList<ReceivedResult>> ReceiveAsync(int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var received = new List<ReceivedResult>();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(maxWait);
        try
        {
            if (await _channel.Reader.WaitToReadAsync(wait.Token))
            {
                while (received.Count < maxMessages && _channel.Reader.TryRead(out var message))
                {
                    received.Add(Receive(message));
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Nothing arrived within maxWait.
        }

        return received;
    }

    private LockedResult Receive(Message message)
    {
        WritebackResult? result = null;
        string? error = null;
        try
        {
            result = WireSerializer.DeserializeResult(message.Body);
        }
        catch (WireFormatException ex)
        {
            error = ex.Message;
        }

        return new LockedResult(this, message)
        {
            MessageId = message.Id,
            DeliveryCount = message.DeliveryCount,
            Result = result,
            FormatError = error,
        };
    }

    private sealed record Message(string Id, byte[] Body, int DeliveryCount);

    private sealed class LockedResult(InMemoryResultQueue queue, Message message) : ReceivedResult
    {
        public override Task CompleteAsync(CancellationToken cancellationToken)
        {
            queue.Completed.Enqueue(message.Id);
            return Task.CompletedTask;
        }

        public override Task AbandonAsync(CancellationToken cancellationToken)
        {
            queue.Abandoned.Enqueue(message.Id);
            queue._channel.Writer.TryWrite(message with { DeliveryCount = message.DeliveryCount + 1 });
            return Task.CompletedTask;
        }

        public override Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken)
        {
            queue.DeadLettered.Enqueue((message.Id, reason, description));
            return Task.CompletedTask;
        }
    }
}
