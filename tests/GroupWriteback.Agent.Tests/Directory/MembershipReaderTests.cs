using GroupWriteback.Agent.Directory;
using GroupWriteback.Agent.Tests.Processing;
using GroupWriteback.Contracts;
using GroupWriteback.LocalDomain;
using GroupWriteback.Testing;

namespace GroupWriteback.Agent.Tests.Directory;

[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class MembershipReaderTests : IDisposable
{
    private readonly WriterScope _scope = new("reader");
    private readonly IReadOnlyList<TestUser> _users = TestDomain.Instance.SharedUsers(3);

    [Fact]
    public void ReadMemberIdentities_GroupWithUsers_NamesEachUsersObjectGuidAndSid()
    {
        var groupDn = GroupWith(_users);
        using var client = AgentDirectory.OpenClient();

        var members = MembershipReader.ReadMemberIdentities(client, groupDn);

        var expected = _users.Select(u => (Dn: u.Dn.ToUpperInvariant(), u.ObjectGuid, Sid: u.Sid)).OrderBy(m => m.Dn, StringComparer.Ordinal);
        var read = members.Select(m => (Dn: m.Dn.ToUpperInvariant(), m.ObjectGuid, Sid: m.Sid!)).OrderBy(m => m.Dn, StringComparer.Ordinal);
        Assert.Equal(expected, read);
    }

    [Fact]
    public void Resolve_ReferenceToAKnownMember_IsAnsweredFromTheReadAndANewcomerIsSearched()
    {
        using var client = AgentDirectory.OpenClient();
        // The known member's DN is a marker that exists nowhere: it can only come back if no search was made for it.
        var known = new CurrentMember("CN=marker,OU=nowhere,DC=corp,DC=test", _users[0].ObjectGuid, _users[0].Sid);
        var bySid = new MemberReference { CloudId = "known", Sid = _users[0].Sid };
        var byGuid = new MemberReference { CloudId = "known-guid", ObjectGuid = _users[0].ObjectGuid };
        var newcomer = new MemberReference { CloudId = "new", Sid = _users[1].Sid };

        var resolution = MemberResolver.Resolve(client, [bySid, byGuid, newcomer], [known]);

        Assert.Equal(known.Dn, resolution.Resolved[bySid]);
        Assert.Equal(known.Dn, resolution.Resolved[byGuid]);
        Assert.Equal(_users[1].Dn, resolution.Resolved[newcomer], StringComparer.OrdinalIgnoreCase);
        Assert.Empty(resolution.NotFound);
    }

    [Fact]
    public void Snapshot_IntoAGroupWithMembers_AddsAndRemovesOnlyTheDifference()
    {
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "Swap", CloudGroupKind.Security));
        _scope.Apply([.. WriterScope.Snapshot(id, [.. _users.Take(2).Select(WriterScope.Member)])]);

        var result = _scope.Apply([.. WriterScope.Snapshot(id, [.. _users.Skip(1).Select(WriterScope.Member)])])[^1];

        Assert.Equal(1, result.MembersAdded);
        Assert.Equal(1, result.MembersRemoved);
        Assert.Equal(_users.Skip(1).Select(u => u.Dn).ToHashSet(StringComparer.OrdinalIgnoreCase), _scope.Members(id));
    }

    public void Dispose() => _scope.Dispose();

    private string GroupWith(IEnumerable<TestUser> members)
    {
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "Identities", CloudGroupKind.Security));
        _scope.Apply([.. WriterScope.Snapshot(id, [.. members.Select(WriterScope.Member)])]);
        return WriterScope.ReadGroup(id).DistinguishedName;
    }
}
