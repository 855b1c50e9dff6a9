using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Results;
using GroupWriteback.LocalDomain;
using GroupWriteback.Testing;

namespace GroupWriteback.Agent.Tests.Processing;

/// <summary>
/// Commands with holes a handler cannot take (built in code, past the wire reader): each is answered as
/// <see cref="FailureReason.InvalidCommand"/> naming the group, nothing is written, and later commands still apply.
/// </summary>
[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class MalformedCommandTests : IDisposable
{
    private readonly WriterScope _scope = new("malformed");

    [Fact]
    public void Apply_NullProxyAddress_FailsAsInvalidCommandAndCreatesNothing()
    {
        var groupId = Guid.NewGuid().ToString();
        var upsert = _scope.Upsert(groupId, "Null Address");
        upsert = upsert with { Attributes = upsert.Attributes with { ProxyAddresses = ["SMTP:null@corp.test", null!] } };

        var result = Assert.Single(_scope.Apply(upsert));

        Assert.Equal(FailureReason.InvalidCommand, result.Reason);
        Assert.Contains(groupId, result.Message, StringComparison.Ordinal);
        Assert.Contains("proxyAddresses", result.Message, StringComparison.Ordinal);
        Assert.Empty(WriterScope.FindByAnchor(groupId));
    }

    [Fact]
    public void Apply_NullMemberListThenValidCommand_FirstFailsSecondApplies()
    {
        var user = TestDomain.Instance.SharedUsers(1)[0];
        var groupId = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(groupId, "Null Members"));
        var broken = WriterScope.Change(groupId) with { Add = null! };
        var valid = WriterScope.Change(groupId, add: [WriterScope.Member(user)]);

        var results = _scope.Apply(broken, valid);

        Assert.Equal((ResultOutcome.Failed, FailureReason.InvalidCommand), (results[0].Outcome, results[0].Reason));
        Assert.Contains("add is null", results[0].Message, StringComparison.Ordinal);
        Assert.Equal(ResultOutcome.Applied, results[1].Outcome);
        Assert.Equal([user.Dn], _scope.Members(groupId), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Apply_SnapshotWithNullMember_FailsWithoutTouchingMembership()
    {
        var user = TestDomain.Instance.SharedUsers(1)[0];
        var groupId = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(groupId, "Null Snapshot Member"), WriterScope.Change(groupId, add: [WriterScope.Member(user)]));
        var chunk = WriterScope.Snapshot(groupId, [])[0] with { Members = [null!] };

        var result = Assert.Single(_scope.Apply(chunk));

        Assert.Equal(FailureReason.InvalidCommand, result.Reason);
        Assert.Equal([user.Dn], _scope.Members(groupId), StringComparer.OrdinalIgnoreCase);
    }

    public void Dispose() => _scope.Dispose();
}
