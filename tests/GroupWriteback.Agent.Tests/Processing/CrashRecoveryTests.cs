using System.DirectoryServices.Protocols;
using GroupWriteback.Agent.Directory;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Results;
using GroupWriteback.LocalDomain;
using GroupWriteback.Testing;

namespace GroupWriteback.Agent.Tests.Processing;

/// <summary>
/// A command interrupted between two of its LDAP operations leaves a half-written state; these
/// tests write that state by hand, then redeliver the command and read back that it converged.
/// </summary>
[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly WriterScope _scope = new("crash");
    private readonly IReadOnlyList<TestUser> _users = TestDomain.Instance.SharedUsers(2000);

    [Fact]
    public void Upsert_CrashedAfterAddBeforeOptionalAttributes_WritesThemOnRedelivery()
    {
        var id = Guid.NewGuid().ToString();
        var command = _scope.Upsert(id, "Half created");
        var dn = DistinguishedName.Child("CN", $"Half created_{id[^12..]}", _scope.Ou);
        WriterScope.AddEntry(dn, ("objectClass", ["group"]), ("sAMAccountName", [$"half{id[..8]}"]), ("groupType", ["8"]), ("adminDescription", [$"Group_{id}"]), ("displayName", ["Half created"]));

        var results = _scope.Apply(command, command);

        Assert.Equal(ResultOutcome.Applied, results[0].Outcome);
        Assert.Equal(ResultOutcome.NoOp, results[1].Outcome);
        var entry = WriterScope.ReadGroup(id, "mail", "proxyAddresses", "mailNickname", "msExchRecipientTypeDetails", "objectGUID");
        Assert.Equal(dn, entry.DistinguishedName, StringComparer.OrdinalIgnoreCase);
        Assert.Equal([$"g{id[..8]}"], WriterScope.Values(entry, "mailNickname"));
        Assert.Equal(2, WriterScope.Values(entry, "proxyAddresses").Length);
        Assert.Equal(["2199023255552"], WriterScope.Values(entry, "msExchRecipientTypeDetails"));
        Assert.Equal(results[0].ObjectGuid, WriterScope.ObjectGuid(entry));
    }

    [Fact]
    public void Upsert_CrashedAfterMoveBeforeModify_ConvergesOnRedelivery()
    {
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "Before", CloudGroupKind.Security, description: "old"));
        var guid = WriterScope.ObjectGuid(WriterScope.ReadGroup(id, "objectGUID"));
        var command = _scope.Upsert(id, "After", CloudGroupKind.Security, ou: _scope.OtherOu, description: "new");
        var movedDn = DistinguishedName.Child("CN", $"After_{id[^12..]}", _scope.OtherOu);
        Modify(WriterScope.ReadGroup(id).DistinguishedName, new ModifyDNRequest(WriterScope.ReadGroup(id).DistinguishedName, _scope.OtherOu, movedDn[..movedDn.IndexOf(',', StringComparison.Ordinal)]));

        var results = _scope.Apply(command, command);

        Assert.Equal(ResultOutcome.Applied, results[0].Outcome);
        Assert.Equal(ResultOutcome.NoOp, results[1].Outcome);
        var entry = WriterScope.ReadGroup(id, "description", "displayName", "objectGUID");
        Assert.Equal(movedDn, entry.DistinguishedName, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(["new"], WriterScope.Values(entry, "description"));
        Assert.Equal(["After"], WriterScope.Values(entry, "displayName"));
        Assert.Equal(guid, WriterScope.ObjectGuid(entry));
    }

    [Fact]
    public void Snapshot_CrashedAfterFirstMemberBatch_AddsOnlyTheRestOnRedelivery()
    {
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "Half filled", CloudGroupKind.Security));
        var snapshot = WriterScope.Snapshot(id, _users.Select(WriterScope.Member).ToList());
        AddMembersByHand(WriterScope.ReadGroup(id).DistinguishedName, _users.Take(1000));

        var final = _scope.Apply([.. snapshot])[^1];

        Assert.Equal(1000, final.MembersAdded);
        Assert.Equal(0, final.MembersRemoved);
        Assert.Equal(_users.Select(u => u.Dn).ToHashSet(StringComparer.OrdinalIgnoreCase), _scope.Members(id));
    }

    [Fact]
    public void Change_CrashedAfterRemovesBeforeAdds_AddsOnRedelivery()
    {
        var id = Guid.NewGuid().ToString();
        var leaving = _users.Take(300).ToList();
        var joining = _users.Skip(300).Take(300).ToList();
        _scope.Apply(_scope.Upsert(id, "Swapping", CloudGroupKind.Security), WriterScope.Change(id, add: leaving.Select(WriterScope.Member)));
        var change = WriterScope.Change(id, add: joining.Select(WriterScope.Member), remove: leaving.Select(WriterScope.Member));
        // The writer removes before it adds: a crash in between leaves the group with neither set.
        Modify(WriterScope.ReadGroup(id).DistinguishedName, new ModifyRequest(WriterScope.ReadGroup(id).DistinguishedName, DirectoryAttributeOperation.Delete, "member", [.. leaving.Select(u => (object)u.Dn)]));

        var results = _scope.Apply(change, change);

        Assert.Equal((300, 0), (results[0].MembersAdded, results[0].MembersRemoved));
        Assert.Equal(ResultOutcome.NoOp, results[1].Outcome);
        Assert.Equal(joining.Select(u => u.Dn).ToHashSet(StringComparer.OrdinalIgnoreCase), _scope.Members(id));
    }

    [Fact]
    public void Snapshot_LastChunkRedelivered_SecondIsNoOp()
    {
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "Redelivered", CloudGroupKind.Security));
        var snapshot = WriterScope.Snapshot(id, _users.Take(1500).Select(WriterScope.Member).ToList());

        var results = _scope.Apply([.. snapshot, snapshot[^1]]);

        Assert.Equal(1500, results[^2].MembersAdded);
        Assert.Equal(ResultOutcome.NoOp, results[^1].Outcome);
        Assert.Equal(1500, _scope.Members(id).Count);
    }

    public void Dispose() => _scope.Dispose();

    private static void Modify(string dn, DirectoryRequest request)
    {
        Assert.NotNull(TestDomain.Instance.ReadEntry(dn));
        TestDomain.Instance.Send(request);
    }

    private static void AddMembersByHand(string groupDn, IEnumerable<TestUser> users) =>
        TestDomain.Instance.Send(new ModifyRequest(groupDn, DirectoryAttributeOperation.Add, "member", [.. users.Select(u => (object)u.Dn)]));
}
