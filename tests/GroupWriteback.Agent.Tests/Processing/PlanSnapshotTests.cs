using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Results;
using GroupWriteback.LocalDomain;
using GroupWriteback.Testing;

namespace GroupWriteback.Agent.Tests.Processing;

/// <summary>A dry run judges a chunked snapshot by all its chunks, as a real run does, and writes nothing.</summary>
[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class PlanSnapshotTests : IDisposable
{
    private readonly WriterScope _scope = new("plansnap");

    [Fact]
    public async Task Plan_SnapshotInTwoChunksOfTheCurrentMembers_ReportsNothingToChange()
    {
        var users = TestDomain.Instance.SharedUsers(3);
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "Planned", CloudGroupKind.Security), WriterScope.Change(id, add: users.Take(2).Select(WriterScope.Member)));
        var chunks = WriterScope.Snapshot(id, users.Take(2).Select(WriterScope.Member).ToList(), chunkSize: 1);

        var results = await PlanAsync(chunks);

        Assert.Equal(ResultOutcome.Pending, results[0].Outcome);
        Assert.Equal((ResultOutcome.NoOp, 0, 0), (results[1].Outcome, results[1].MembersAdded, results[1].MembersRemoved));
        Assert.Equal(users.Take(2).Select(u => u.Dn).ToHashSet(StringComparer.OrdinalIgnoreCase), _scope.Members(id));
    }

    [Fact]
    public async Task Plan_SnapshotDroppingOneMember_ReportsTheRemovalAndLeavesAdAsItWas()
    {
        var users = TestDomain.Instance.SharedUsers(3);
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "Planned drop", CloudGroupKind.Security), WriterScope.Change(id, add: users.Select(WriterScope.Member)));
        var chunks = WriterScope.Snapshot(id, users.Take(2).Select(WriterScope.Member).ToList(), chunkSize: 1);

        var last = (await PlanAsync(chunks))[^1];

        Assert.Equal((0, 1), (last.MembersAdded, last.MembersRemoved));
        Assert.Equal(users.Select(u => u.Dn).ToHashSet(StringComparer.OrdinalIgnoreCase), _scope.Members(id));
    }

    public void Dispose() => _scope.Dispose();

    /// <summary>Runs the chunks as <c>plan</c> does: one dry-run context for all of them.</summary>
    private async Task<IReadOnlyList<WritebackResult>> PlanAsync(IEnumerable<Contracts.Commands.MembershipSnapshotCommand> chunks)
    {
        var context = _scope.Contexts.Open(dryRun: true);
        using var directory = context.Directory;
        var results = new List<WritebackResult>();
        foreach (var chunk in chunks)
        {
            results.Add(await _scope.Processor.ApplyAsync(context, chunk, CancellationToken.None));
        }

        return results;
    }
}
