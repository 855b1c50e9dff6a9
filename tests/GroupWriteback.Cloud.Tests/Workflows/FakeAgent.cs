using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;
using GroupWriteback.Transport;

namespace GroupWriteback.Cloud.Tests.Workflows;

/// <summary>
/// The command queue and the agent behind it: records every command per group in queue order
/// after a trip through the wire format (dropping a repeated command id, as Service Bus duplicate detection does) and answers each through
/// the results queue as <see cref="Reply"/> decides: succeed, fail, answer late, or never.
/// </summary>
internal sealed class FakeAgent(InMemoryResultQueue results) : ICommandPublisher
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, List<WritebackCommand>> _byGroup = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _seenIds = new(StringComparer.Ordinal);
    private readonly List<WritebackCommand> _published = [];
    private readonly List<IReadOnlyList<WritebackCommand>> _publications = [];

    /// <summary>Decides the answer to each (first delivery of a) command; succeeds at once by default.</summary>
    public Func<WritebackCommand, AgentReply> Reply { get; set; } = AgentReply.Succeed;

    /// <summary>Every publish, repeats included.</summary>
    public IReadOnlyList<WritebackCommand> Published
    {
        get
        {
            lock (_sync)
            {
                return [.. _published];
            }
        }
    }

    /// <summary>Each call to the queue: the commands one publication carried, in order.</summary>
    public IReadOnlyList<IReadOnlyList<WritebackCommand>> Publications
    {
        get
        {
            lock (_sync)
            {
                return [.. _publications];
            }
        }
    }

    /// <summary>The distinct commands queued for <paramref name="groupId"/>, in queue order.</summary>
    public IReadOnlyList<WritebackCommand> CommandsFor(string groupId)
    {
        lock (_sync)
        {
            return _byGroup.TryGetValue(groupId, out var commands) ? [.. commands] : [];
        }
    }

    /// <summary>The kinds of <see cref="CommandsFor"/>.</summary>
    public IReadOnlyList<string> KindsFor(string groupId) => [.. CommandsFor(groupId).Select(c => c.Kind)];

    public Task PublishAsync(IReadOnlyList<WritebackCommand> commands, CancellationToken cancellationToken)
    {
        var fresh = new List<WritebackCommand>();
        lock (_sync)
        {
            // Through the wire format, as the queue carries them.
            var carried = commands.Select(c => WireSerializer.DeserializeCommand(WireSerializer.Serialize(c))).ToList();
            _publications.Add(carried);
            foreach (var command in carried)
            {
                _published.Add(command);
                if (_seenIds.Add(command.CommandId))
                {
                    fresh.Add(command);
                    if (!_byGroup.TryGetValue(command.GroupId, out var list))
                    {
                        _byGroup[command.GroupId] = list = [];
                    }

                    list.Add(command);
                }
            }
        }

        foreach (var command in fresh)
        {
            var reply = Reply(command);
            if (reply.Result is { } result)
            {
                _ = AnswerAsync(result, reply.Delay);
            }
        }

        return Task.CompletedTask;
    }

    private async Task AnswerAsync(WritebackResult result, TimeSpan delay)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay);
        }

        results.Send(result);
    }
}

/// <summary>How the fake agent answers one command.</summary>
internal sealed record AgentReply(WritebackResult? Result, TimeSpan Delay = default)
{
    public static AgentReply Silent { get; } = new((WritebackResult?)null);

    public static AgentReply Succeed(WritebackCommand command) => new(Success(command));

    public static AgentReply Fail(WritebackCommand command, FailureReason reason) =>
        new(Success(command) with { Outcome = ResultOutcome.Failed, Reason = reason, Message = $"Group {command.GroupId}: {reason} (test agent)", MembersAdded = 0, MembersRemoved = 0 });

    public static WritebackResult Success(WritebackCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var result = new WritebackResult
        {
            CommandId = command.CommandId,
            CommandKind = command.Kind,
            GroupId = command.GroupId,
            ReplyTo = command.ReplyTo,
            Outcome = ResultOutcome.Applied,
            AgentId = "test-agent",
            DistinguishedName = $"CN=Group_{command.GroupId},OU=Groups,DC=corp,DC=test",
            ObjectGuid = ObjectGuidOf(command.GroupId),
            CompletedAt = DateTimeOffset.UtcNow,
        };
        return command switch
        {
            UpsertGroupCommand upsert => result with { DistinguishedName = $"CN=Group_{command.GroupId},{upsert.TargetOu}" },
            ChangeMembershipCommand change => result with { MembersAdded = change.Add.Count, MembersRemoved = change.Remove.Count },
            MembershipSnapshotCommand chunk => result with
            {
                Outcome = chunk.ChunkIndex + 1 < chunk.ChunkCount ? ResultOutcome.Pending : ResultOutcome.Applied,
                MembersAdded = chunk.Members.Count,
            },
            DeleteGroupCommand => result with { DistinguishedName = null, ObjectGuid = null },
            GrantPermissionsCommand => result with { DistinguishedName = null, ObjectGuid = null, Message = "Granted (test agent)." },
            _ => result,
        };
    }

    public static Guid ObjectGuidOf(string groupId) => new(SHA256.HashData(Encoding.UTF8.GetBytes(groupId)).AsSpan(0, 16));
}
