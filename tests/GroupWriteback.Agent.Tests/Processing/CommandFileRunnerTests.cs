using GroupWriteback.Agent.Processing;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;
using GroupWriteback.Contracts;
using GroupWriteback.Testing;

namespace GroupWriteback.Agent.Tests.Processing;

[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class CommandFileRunnerTests : IDisposable
{
    private readonly WriterScope _scope = new("file");
    private readonly string _file = Path.GetTempFileName();

    [Fact]
    public async Task RunAsync_SameFileTwice_LeavesIdenticalDirectory()
    {
        var users = WriterScope.Domain.CreateUsers(_scope.OtherOu, "f", 4);
        var m365 = Guid.NewGuid().ToString();
        var security = Guid.NewGuid().ToString();
        var doomed = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(doomed, "Doomed", CloudGroupKind.Security));
        WritebackCommand[] commands =
        [
            _scope.Upsert(m365, "Team, \"quoted\" #1"),
            _scope.Upsert(security, "Security", CloudGroupKind.Security),
            .. WriterScope.Snapshot(m365, users.Select(WriterScope.Member).ToList(), chunkSize: 2),
            WriterScope.Change(security, add: [WriterScope.Member(users[0]), new MemberReference { CloudId = m365, WrittenBackGroupId = m365 }]),
            WriterScope.Delete(doomed),
        ];
        await File.WriteAllTextAsync(_file, WireSerializer.SerializeCommandList(commands));
        var runner = new CommandFileRunner(_scope.Contexts, _scope.Processor);

        var first = await runner.RunAsync(_file, dryRun: false, CancellationToken.None);
        var afterFirst = WriterScope.Domain.DumpSubtree(_scope.Ou);
        var second = await runner.RunAsync(_file, dryRun: false, CancellationToken.None);
        var afterSecond = WriterScope.Domain.DumpSubtree(_scope.Ou);

        Assert.All(first, r => Assert.True(r.Succeeded, r.Message));
        Assert.Equal(afterFirst, afterSecond);
        Assert.All(second.Where(r => r.Outcome != ResultOutcome.Pending), r => Assert.True(r.Outcome == ResultOutcome.NoOp, $"{r.CommandKind} {r.GroupId}: {r.Outcome} {r.Message}"));
        Assert.Contains("member: ", afterFirst, StringComparison.Ordinal);
        Assert.Equal(users.Select(u => u.Dn).ToHashSet(StringComparer.OrdinalIgnoreCase), _scope.Members(m365));
        Assert.Empty(WriterScope.FindByAnchor(doomed));
    }

    [Fact]
    public async Task RunAsync_DryRun_WritesNothing()
    {
        var id = Guid.NewGuid().ToString();
        await File.WriteAllTextAsync(_file, WireSerializer.SerializeCommandList([_scope.Upsert(id, "Planned only")]));
        var before = WriterScope.Domain.DumpSubtree(_scope.Ou);

        var results = await new CommandFileRunner(_scope.Contexts, _scope.Processor).RunAsync(_file, dryRun: true, CancellationToken.None);

        Assert.Equal(ResultOutcome.Applied, Assert.Single(results).Outcome);
        Assert.Contains("would create", results[0].Message, StringComparison.Ordinal);
        Assert.Equal(before, WriterScope.Domain.DumpSubtree(_scope.Ou));
        Assert.Empty(WriterScope.FindByAnchor(id));
    }

    [Fact]
    public async Task RunAsync_MalformedFile_ThrowsWireFormatException()
    {
        await File.WriteAllTextAsync(_file, "[{\"kind\":\"formatDisk\",\"commandId\":\"1\",\"groupId\":\"x\"}]");

        await Assert.ThrowsAsync<WireFormatException>(() => new CommandFileRunner(_scope.Contexts, _scope.Processor).RunAsync(_file, dryRun: false, CancellationToken.None));
    }

    public void Dispose()
    {
        File.Delete(_file);
        _scope.Dispose();
    }
}
