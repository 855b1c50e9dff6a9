using GroupWriteback.Transport;

namespace GroupWriteback.Functions.Tests.Timers;

/// <summary>A received result settled nowhere; the drain under test never settles it.</summary>
internal sealed class StubReceivedResult : ReceivedResult
{
    public override Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task AbandonAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken) => Task.CompletedTask;
}
