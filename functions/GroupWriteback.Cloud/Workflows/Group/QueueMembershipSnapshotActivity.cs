using GroupWriteback.Cloud.Telemetry;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Transport;
using Microsoft.DurableTask;

namespace GroupWriteback.Cloud.Workflows.Group;

/// <summary>
/// Reads a group's complete membership and queues it as snapshot chunks, behind the pass's other commands
/// (<see cref="SnapshotRequest.Ahead"/>). The members never pass through orchestration history (a group can have
/// hundreds of thousands); only the chunk ids do.
/// </summary>
[DurableTask(nameof(QueueMembershipSnapshotActivity))]
public sealed class QueueMembershipSnapshotActivity(IGraphGroupReader graph, ICommandPublisher publisher, TimeProvider time)
    : TaskActivity<SnapshotRequest, SnapshotQueued>
{
    /// <inheritdoc />
    public override async Task<SnapshotQueued> RunAsync(TaskActivityContext context, SnapshotRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ahead = input.Ahead;
        var members = new List<CloudMember>();
        string? next = null;
        do
        {
            var page = await graph.GetMembersPageAsync(input.GroupId, next, CancellationToken.None);
            members.AddRange(page.Members);
            next = page.NextLink;
            if (next is not null && ahead.Count > 0)
            {
                // A membership of several pages takes a while to read: the upsert goes first.
                await publisher.PublishAsync(ahead, CancellationToken.None);
                ahead = [];
            }
        }
        while (next is not null);

        var distinct = members.DistinctBy(m => m.Id, StringComparer.OrdinalIgnoreCase).ToList();
        var (writable, skipped) = MemberReferences.Partition(distinct);
        var otherKinds = distinct.Count(m => m.Kind == CloudMemberKind.Other);
        if (input.MinimumMembers is { } minimum && writable.Count < minimum)
        {
            if (ahead.Count > 0)
            {
                await publisher.PublishAsync(ahead, CancellationToken.None);
            }

            return new SnapshotQueued { Published = false, MemberCount = writable.Count, MembersSkipped = skipped, MemberTypesSkipped = otherKinds };
        }

        var chunks = writable.Count == 0 ? [[]] : MemberChunker.Chunk(writable);
        var snapshotId = CommandIds.For(input.InstanceId, input.Pass, "snapshot", input.PassStartedAt);
        var issuedAt = time.GetUtcNow();
        var commands = chunks
            .Select((chunk, index) => new MembershipSnapshotCommand
            {
                CommandId = CommandIds.For(input.InstanceId, input.Pass, CommandIds.MembershipStep(CommandKinds.MembershipSnapshot, index), input.PassStartedAt),
                GroupId = input.GroupId,
                ReplyTo = input.InstanceId,
                IssuedAt = issuedAt,
                SnapshotId = snapshotId,
                ChunkIndex = index,
                ChunkCount = chunks.Count,
                Members = chunk,
            })
            .ToList<WritebackCommand>();

        await publisher.PublishAsync([.. ahead, .. TraceLink.Stamp(commands, input.Trace)], CancellationToken.None);
        return new SnapshotQueued
        {
            Published = true,
            MemberCount = writable.Count,
            MembersSkipped = skipped,
            MemberTypesSkipped = otherKinds,
            CommandIds = commands.Select(c => c.CommandId).ToList(),
        };
    }
}
