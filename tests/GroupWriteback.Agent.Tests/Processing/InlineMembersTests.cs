using GroupWriteback.Agent.Processing;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;
using GroupWriteback.LocalDomain;
using GroupWriteback.Testing;
using GroupWriteback.Transport.Embedded;

namespace GroupWriteback.Agent.Tests.Processing;

/// <summary>
/// A new group's upsert with its one-chunk snapshot right behind it: the group is added with its members in one
/// directory transaction (read back: the object's uSNChanged is its uSNCreated), and whatever the create cannot take
/// falls back to the snapshot's own reconcile.
/// </summary>
[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class InlineMembersTests : IDisposable
{
    private readonly WriterScope _scope = new("inline");
    private readonly IReadOnlyList<TestUser> _users = TestDomain.Instance.SharedUsers(4);

    [Fact]
    public async Task Create_WithItsSnapshotOffered_AddsTheGroupAndItsMembersInOneTransaction()
    {
        // The OU's first create learns what the account may write there and writes the optional attributes after it.
        _scope.Apply(_scope.Upsert(Guid.NewGuid().ToString(), "Warm-up", CloudGroupKind.Security));
        var id = Guid.NewGuid().ToString();
        var upsert = _scope.Upsert(id, "Inline members", CloudGroupKind.Security);
        var members = _users.Take(3).Select(WriterScope.Member).Append(new MemberReference { CloudId = "g", ObjectGuid = _users[3].ObjectGuid }).ToList();
        var snapshot = Assert.Single(WriterScope.Snapshot(id, members));
        var offer = InlineMembers.Offer(upsert, snapshot);

        var (created, reconciled) = await ApplyAsync(upsert, snapshot, offer);
        var redelivered = Assert.Single(_scope.Apply(snapshot));

        Assert.NotNull(offer);
        Assert.Equal(4, offer.Written);
        Assert.Equal(ResultOutcome.Applied, created.Outcome);
        Assert.Contains("4 member(s) in the add", created.Message, StringComparison.Ordinal);
        Assert.True(reconciled.Outcome == ResultOutcome.Applied, reconciled.Message);
        Assert.Equal((ResultOutcome.Applied, 4, 0), (reconciled.Outcome, reconciled.MembersAdded, reconciled.MembersRemoved));
        Assert.Contains("written with the create", reconciled.Message, StringComparison.Ordinal);
        Assert.Equal(ResultOutcome.NoOp, redelivered.Outcome);
        Assert.Equal(_users.Select(u => u.Dn).ToHashSet(StringComparer.OrdinalIgnoreCase), _scope.Members(id));
        var entry = WriterScope.ReadGroup(id, "uSNCreated", "uSNChanged");
        Assert.Equal(WriterScope.Values(entry, "uSNCreated"), WriterScope.Values(entry, "uSNChanged"));
    }

    [Fact]
    public async Task Create_WithAMemberTheDirectoryCannotResolve_AddsTheGroupAloneAndTheSnapshotReportsTheMember()
    {
        var id = Guid.NewGuid().ToString();
        var upsert = _scope.Upsert(id, "Inline with a ghost", CloudGroupKind.Security);
        var ghost = new MemberReference { CloudId = Guid.NewGuid().ToString(), ObjectGuid = Guid.NewGuid() };
        var snapshot = Assert.Single(WriterScope.Snapshot(id, [WriterScope.Member(_users[0]), ghost, WriterScope.Member(_users[1])]));
        var offer = InlineMembers.Offer(upsert, snapshot);

        var (created, reconciled) = await ApplyAsync(upsert, snapshot, offer);

        Assert.Null(offer!.Written);
        Assert.Equal(ResultOutcome.Applied, created.Outcome);
        Assert.DoesNotContain("in the add", created.Message, StringComparison.Ordinal);
        Assert.Equal(2, reconciled.MembersAdded);
        Assert.Equal([ghost], reconciled.SkippedMembers);
        Assert.Equal(new HashSet<string>([_users[0].Dn, _users[1].Dn], StringComparer.OrdinalIgnoreCase), _scope.Members(id));
    }

    [Fact]
    public async Task Update_OfAnExistingGroup_LeavesTheOfferAndTheSnapshotReconcilesAsUsual()
    {
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "Existing", CloudGroupKind.Security));
        var upsert = _scope.Upsert(id, "Existing, renamed", CloudGroupKind.Security);
        var snapshot = Assert.Single(WriterScope.Snapshot(id, [WriterScope.Member(_users[2])]));
        var offer = InlineMembers.Offer(upsert, snapshot);

        var (renamed, reconciled) = await ApplyAsync(upsert, snapshot, offer);

        Assert.Null(offer!.Written);
        Assert.Equal(ResultOutcome.Applied, renamed.Outcome);
        Assert.Equal(1, reconciled.MembersAdded);
        Assert.DoesNotContain("written with the create", reconciled.Message, StringComparison.Ordinal);
        Assert.Equal([_users[2].Dn], _scope.Members(id), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Offer_OnlyForTheSameGroupsCompleteSnapshotBehindAnUpsert()
    {
        var id = Guid.NewGuid().ToString();
        var upsert = _scope.Upsert(id, "Offers", CloudGroupKind.Security);
        var members = _users.Select(WriterScope.Member).ToList();

        Assert.NotNull(InlineMembers.Offer(upsert, WriterScope.Snapshot(id, members)[0]));
        Assert.Null(InlineMembers.Offer(upsert, WriterScope.Snapshot(id, members, chunkSize: 2)[0]));
        Assert.Null(InlineMembers.Offer(upsert, WriterScope.Snapshot(Guid.NewGuid().ToString(), members)[0]));
        Assert.Null(InlineMembers.Offer(upsert, WriterScope.Snapshot(id, members)[0] with { ReplyTo = "another-pass" }));
        Assert.Null(InlineMembers.Offer(WriterScope.Change(id, add: members), WriterScope.Snapshot(id, members)[0]));
        Assert.Null(InlineMembers.Offer(upsert, null));
    }

    [Fact]
    public async Task QueueWorker_NewGroupsQueuedWithTheirSnapshots_AreEachWrittenInOneTransaction()
    {
        using var queue = new EmbeddedQueueAgent();
        var groups = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid().ToString()).ToList();
        var commands = groups.SelectMany(id => new WritebackCommand[]
        {
            _scope.Upsert(id, "Queued " + id[..8], CloudGroupKind.Security),
            WriterScope.Snapshot(id, _users.Take(2).Select(WriterScope.Member).ToList())[0],
        }).ToList();
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(commands, CancellationToken.None);

        using var worker = queue.Worker(_scope, TestDomain.Instance.LdapsPort, "inline-agent");
        await worker.StartAsync(CancellationToken.None);
        await queue.WaitUntilDrainedAsync();
        await worker.StopAsync(CancellationToken.None);
        var results = await new EmbeddedResultSource(queue.Store).ReceiveAsync(100, TimeSpan.FromSeconds(1), CancellationToken.None);

        var answers = results.Select(r => r.Result).OfType<WritebackResult>().Where(r => r.Heartbeat is null).ToList();
        Assert.Equal(commands.Select(c => c.CommandId).Order(StringComparer.Ordinal), answers.Select(r => r.CommandId).Order(StringComparer.Ordinal));
        Assert.All(answers, r => Assert.Equal(ResultOutcome.Applied, r.Outcome));
        Assert.All(answers.Where(r => r.CommandKind == CommandKinds.UpsertGroup), r => Assert.True(r.Message!.Contains("2 member(s) in the add", StringComparison.Ordinal), r.Message));
        Assert.All(answers.Where(r => r.CommandKind == CommandKinds.MembershipSnapshot), r =>
        {
            Assert.Equal(2, r.MembersAdded);
            Assert.Contains("written with the create", r.Message, StringComparison.Ordinal);
        });
        foreach (var id in groups)
        {
            Assert.Equal(new HashSet<string>([_users[0].Dn, _users[1].Dn], StringComparer.OrdinalIgnoreCase), _scope.Members(id));
        }
    }

    private async Task<(WritebackResult Upsert, WritebackResult Snapshot)> ApplyAsync(UpsertGroupCommand upsert, MembershipSnapshotCommand snapshot, InlineMembers? offer)
    {
        var context = _scope.Contexts.Open();
        using var directory = context.Directory;
        var first = await _scope.Processor.ApplyAsync(context, upsert, offer, CancellationToken.None);
        var second = await _scope.Processor.ApplyAsync(context, snapshot, offer, CancellationToken.None);
        return (first, second);
    }

    public void Dispose() => _scope.Dispose();
}
