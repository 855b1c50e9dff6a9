using GroupWriteback.Agent.Processing;
using GroupWriteback.Agent.Security;
using GroupWriteback.Contracts.Results;
using GroupWriteback.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GroupWriteback.Agent.Tests.Processing;

/// <summary>Results are stamped by the processor's clock (the host's <see cref="TimeProvider"/>), applied or refused.</summary>
[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class CommandProcessorClockTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2031, 5, 4, 3, 2, 1, TimeSpan.Zero);
    private readonly WriterScope _scope = new("clock");

    [Fact]
    public async Task Apply_AppliedAndRefusedCommands_CompletedAtComesFromTheProcessorsClock()
    {
        var clock = new FakeTimeProvider(Start);
        var processor = new CommandProcessor(
            new SnapshotStore(_scope.StateDirectory),
            new PermissionGranter(_scope.Connections, NullLogger<PermissionGranter>.Instance),
            "clock-agent",
            NullLogger<CommandProcessor>.Instance)
        {
            Time = clock,
        };
        var id = Guid.NewGuid().ToString();
        var context = _scope.Contexts.Open();
        using var directory = context.Directory;

        var created = await processor.ApplyAsync(context, _scope.Upsert(id, "Clocked"), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(5));
        var refused = await processor.ApplyAsync(context, _scope.Upsert("not-an-object-id", "Refused"), CancellationToken.None);

        Assert.Equal((ResultOutcome.Applied, Start, "clock-agent"), (created.Outcome, created.CompletedAt, created.AgentId));
        Assert.Equal((ResultOutcome.Failed, FailureReason.InvalidCommand, Start.AddMinutes(5)), (refused.Outcome, refused.Reason, refused.CompletedAt));
        Assert.Equal(created.DistinguishedName, WriterScope.ReadGroup(id).DistinguishedName);
    }

    public void Dispose() => _scope.Dispose();
}
