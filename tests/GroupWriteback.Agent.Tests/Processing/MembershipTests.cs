using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Results;
using GroupWriteback.LocalDomain;
using GroupWriteback.Testing;

namespace GroupWriteback.Agent.Tests.Processing;

[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class MembershipTests : IClassFixture<MembershipTests.Users>, IDisposable
{
    private readonly WriterScope _scope = new("members");
    private readonly Users _users;

    public MembershipTests(Users users) => _users = users;

    [Fact]
    public void Snapshot_FiveThousandMembersThenSwapThousand_EndsWithExactSet()
    {
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "Big group", CloudGroupKind.Security));
        var initial = _users.Large.Take(5000).ToList();

        var snapshotResults = _scope.Apply([.. WriterScope.Snapshot(id, initial.Select(WriterScope.Member).ToList())]);

        Assert.Equal(5, snapshotResults.Count);
        Assert.All(snapshotResults.Take(4), r => Assert.Equal(ResultOutcome.Pending, r.Outcome));
        Assert.Equal(5000, snapshotResults[^1].MembersAdded);
        Assert.Equal(initial.Select(u => u.Dn).ToHashSet(StringComparer.OrdinalIgnoreCase), _scope.Members(id));
        Assert.Equal(initial.Select(u => u.Dn).ToHashSet(StringComparer.OrdinalIgnoreCase), MembersByBacklink(id));

        var leaving = initial.Take(1000).ToList();
        var joining = _users.Large.Skip(5000).Take(1000).ToList();
        var changes = leaving.Select(WriterScope.Member).Chunk(500).Zip(joining.Select(WriterScope.Member).Chunk(500))
            .Select(pair => WriterScope.Change(id, add: pair.Second, remove: pair.First)).ToArray();
        var changeResults = _scope.Apply(changes);

        Assert.Equal(1000, changeResults.Sum(r => r.MembersAdded));
        Assert.Equal(1000, changeResults.Sum(r => r.MembersRemoved));
        var expected = initial.Skip(1000).Concat(joining).Select(u => u.Dn).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(expected, _scope.Members(id));
        Assert.Equal(expected, MembersByBacklink(id));
    }

    /// <summary>The members as the DC's memberOf back-links tell it: a read that shares no code with the writer's range reader.</summary>
    private static HashSet<string> MembersByBacklink(string groupId)
    {
        var dn = WriterScope.ReadGroup(groupId).DistinguishedName;
        var domain = WriterScope.Domain;
        return domain.Search(domain.DomainDn, $"(memberOf={GroupWriteback.Agent.Directory.LdapFilter.Escape(dn)})", "dn")
            .Select(e => e.DistinguishedName).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Change_MembersNotOnPremises_AreReportedNotFatal()
    {
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "Partly cloud", CloudGroupKind.Security));
        var cloudOnly = new MemberReference { CloudId = Guid.NewGuid().ToString() };
        var missingSid = new MemberReference { CloudId = Guid.NewGuid().ToString(), Sid = "S-1-5-21-1-2-3-99999" };
        var missingGuid = new MemberReference { CloudId = Guid.NewGuid().ToString(), ObjectGuid = Guid.NewGuid() };

        var result = Assert.Single(_scope.Apply(WriterScope.Change(id, add: [WriterScope.Member(_users.Small[0]), cloudOnly, missingSid, missingGuid])));

        Assert.Equal(ResultOutcome.Applied, result.Outcome);
        Assert.Equal(1, result.MembersAdded);
        Assert.Equal(3, result.SkippedMembers.Count);
        Assert.Equal([_users.Small[0].Dn], _scope.Members(id));
    }

    [Fact]
    public void Snapshot_IntoEmptyGroupWithForeignAndMissingMembers_WritesTheFoundOnesAndCreatesNoForeignPrincipal()
    {
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "Fresh with strangers", CloudGroupKind.Security));
        var foreignSid = $"S-1-5-21-1-2-3-{Random.Shared.Next(100_000, 999_999)}";
        var missingGuid = new MemberReference { CloudId = Guid.NewGuid().ToString(), ObjectGuid = Guid.NewGuid() };
        var members = new[] { WriterScope.Member(_users.Small[0]), WriterScope.Member(_users.Small[1]), new MemberReference { CloudId = Guid.NewGuid().ToString(), Sid = foreignSid }, missingGuid };

        var result = Assert.Single(_scope.Apply([.. WriterScope.Snapshot(id, members)]));

        Assert.Equal(ResultOutcome.Applied, result.Outcome);
        Assert.Equal(2, result.MembersAdded);
        Assert.Equal(2, result.SkippedMembers.Count);
        Assert.Equal(new HashSet<string>([_users.Small[0].Dn, _users.Small[1].Dn], StringComparer.OrdinalIgnoreCase), _scope.Members(id));
        Assert.Empty(WriterScope.Domain.Search($"CN=ForeignSecurityPrincipals,{WriterScope.Domain.DomainDn}", $"(cn={foreignSid})", "cn"));
    }

    [Fact]
    public void Snapshot_IntoEmptyGroupWithAMissingObjectGuid_WritesTheOthersAndReportsIt()
    {
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "Fresh with a ghost", CloudGroupKind.Security));
        var ghost = new MemberReference { CloudId = Guid.NewGuid().ToString(), ObjectGuid = Guid.NewGuid() };

        var result = Assert.Single(_scope.Apply([.. WriterScope.Snapshot(id, [WriterScope.Member(_users.Small[2]), ghost])]));

        Assert.Equal(1, result.MembersAdded);
        Assert.Equal([ghost], result.SkippedMembers);
        Assert.Equal([_users.Small[2].Dn], _scope.Members(id));
    }

    [Fact]
    public void Snapshot_IntoEmptyGroupByIdentity_AddsEveryMemberInOneWrite()
    {
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "Fresh by identity", CloudGroupKind.Security));
        var members = _users.Small.Take(3).Select(WriterScope.Member).Append(new MemberReference { CloudId = "g", ObjectGuid = _users.Small[3].ObjectGuid }).ToList();

        var result = Assert.Single(_scope.Apply([.. WriterScope.Snapshot(id, members)]));
        var again = Assert.Single(_scope.Apply([.. WriterScope.Snapshot(id, members)]));

        Assert.Equal(4, result.MembersAdded);
        Assert.Equal(ResultOutcome.NoOp, again.Outcome);
        Assert.Equal(new HashSet<string>(_users.Small.Take(4).Select(u => u.Dn), StringComparer.OrdinalIgnoreCase), _scope.Members(id));
    }

    [Fact]
    public void Change_ByObjectGuid_AddsMember()
    {
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "By guid", CloudGroupKind.Security));

        _scope.Apply(WriterScope.Change(id, add: [new MemberReference { CloudId = "c", ObjectGuid = _users.Small[1].ObjectGuid }]));

        Assert.Equal([_users.Small[1].Dn], _scope.Members(id));
    }

    [Fact]
    public void Change_AppliedTwiceOrAfterPartialWrite_Converges()
    {
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "Idempotent", CloudGroupKind.Security));
        var change = WriterScope.Change(id, add: _users.Small.Take(3).Select(WriterScope.Member));
        WriterScope.AddMemberByHand(WriterScope.ReadGroup(id).DistinguishedName, _users.Small[0].Dn);

        var results = _scope.Apply(change, change);

        Assert.Equal(2, results[0].MembersAdded);
        Assert.Equal(ResultOutcome.NoOp, results[1].Outcome);
        Assert.Equal(_users.Small.Take(3).Select(u => u.Dn).ToHashSet(StringComparer.OrdinalIgnoreCase), _scope.Members(id));
    }

    [Fact]
    public void Snapshot_MemberAddedByHand_IsRemovedByReconcile()
    {
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "Drift", CloudGroupKind.Security));
        _scope.Apply([.. WriterScope.Snapshot(id, [WriterScope.Member(_users.Small[0])])]);
        WriterScope.AddMemberByHand(WriterScope.ReadGroup(id).DistinguishedName, _users.Small[2].Dn);

        var result = _scope.Apply([.. WriterScope.Snapshot(id, [WriterScope.Member(_users.Small[0])])])[^1];

        Assert.Equal(1, result.MembersRemoved);
        Assert.Equal([_users.Small[0].Dn], _scope.Members(id));
    }

    [Fact]
    public void Change_NestedWrittenBackGroup_IsAddedByAnchor()
    {
        var parent = Guid.NewGuid().ToString();
        var child = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(parent, "Parent", CloudGroupKind.Security), _scope.Upsert(child, "Child", CloudGroupKind.Security));

        var result = Assert.Single(_scope.Apply(WriterScope.Change(parent, add: [new MemberReference { CloudId = child, WrittenBackGroupId = child }])));

        Assert.Equal(1, result.MembersAdded);
        Assert.Equal([WriterScope.ReadGroup(child).DistinguishedName], _scope.Members(parent));
    }

    [Fact]
    public void Change_GroupNeverWrittenBack_FailsClearly()
    {
        var id = Guid.NewGuid().ToString();

        var result = Assert.Single(_scope.Apply(WriterScope.Change(id, add: [WriterScope.Member(_users.Small[0])])));

        Assert.Equal(FailureReason.GroupNotWrittenBack, result.Reason);
        Assert.Contains(id, result.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _scope.Dispose();

    /// <summary>Users shared by the membership tests: the DC's persistent pool, read-only.</summary>
    public sealed class Users
    {
        public Users()
        {
            Large = TestDomain.Instance.SharedUsers(6000);
            Small = Large.Take(5).ToArray();
        }

        public IReadOnlyList<TestUser> Large { get; }

        public IReadOnlyList<TestUser> Small { get; }
    }
}
