using GroupWriteback.Agent.Directory;
using GroupWriteback.Contracts.Results;
using GroupWriteback.Testing;

namespace GroupWriteback.Agent.Tests.Processing;

[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class ScopeGuardEnforcementTests : IDisposable
{
    private readonly WriterScope _scope = new("guard");

    [Fact]
    public void Upsert_TargetOuOutsideScope_FailsWithoutWriting()
    {
        var id = Guid.NewGuid().ToString();

        var result = Assert.Single(_scope.Apply(_scope.Upsert(id, "Escapee", ou: _scope.OutsideOu)));

        Assert.Equal(ResultOutcome.Failed, result.Outcome);
        Assert.Equal(FailureReason.OutsideScope, result.Reason);
        Assert.Contains(id, result.Message, StringComparison.Ordinal);
        Assert.Empty(WriterScope.FindByAnchor(id));
        Assert.Empty(WriterScope.Domain.Search(_scope.OutsideOu, "(objectCategory=group)"));
    }

    [Fact]
    public void Upsert_TargetIsDomainControllersOu_FailsWithoutWriting()
    {
        var id = Guid.NewGuid().ToString();

        var result = Assert.Single(_scope.Apply(_scope.Upsert(id, "x", ou: "OU=Domain Controllers," + WriterScope.Domain.DomainDn)));

        Assert.Equal(FailureReason.OutsideScope, result.Reason);
        Assert.Empty(WriterScope.FindByAnchor(id));
    }

    [Fact]
    public void Upsert_UnmarkedObjectHoldsTheName_FailsAndLeavesItUntouched()
    {
        var id = Guid.NewGuid().ToString();
        var dn = DistinguishedName.Child("CN", $"Group_{id}", _scope.Ou);
        WriterScope.AddEntry(dn, ("objectClass", ["top", "group"]), ("sAMAccountName", ["squat" + id[..8]]), ("description", ["hand made"]));

        var before = ChangeCounter(dn);

        var result = Assert.Single(_scope.Apply(_scope.Upsert(id, "Squatted", naming: Contracts.NamingScheme.ObjectId, description: "mine")));

        Assert.Equal(FailureReason.NameCollision, result.Reason);
        var entry = WriterScope.Domain.ReadEntry(dn, "description", "adminDescription");
        Assert.NotNull(entry);
        Assert.Equal(["hand made"], WriterScope.Values(entry!, "description"));
        Assert.Empty(WriterScope.Values(entry!, "adminDescription"));
        Assert.Equal(before, ChangeCounter(dn));
    }

    [Fact]
    public void DeleteAndChange_UnmarkedGroupNamedLikeOurs_AreNotTouched()
    {
        var id = Guid.NewGuid().ToString();
        var dn = DistinguishedName.Child("CN", $"Group_{id}", _scope.Ou);
        var member = WriterScope.Domain.CreateUsers(_scope.OtherOu, "um", 1)[0];
        WriterScope.AddEntry(dn, ("objectClass", ["group"]), ("sAMAccountName", ["unmk" + id[..8]]), ("member", [member.Dn]));
        var before = ChangeCounter(dn);

        var results = _scope.Apply([WriterScope.Delete(id), WriterScope.Change(id, remove: [WriterScope.Member(member)]), .. WriterScope.Snapshot(id, [])]);

        Assert.Equal(ResultOutcome.NoOp, results[0].Outcome);
        Assert.All(results.Skip(1), r => Assert.Equal(FailureReason.GroupNotWrittenBack, r.Reason));
        Assert.Equal(before, ChangeCounter(dn));
        Assert.Equal([member.Dn], WriterScope.Values(WriterScope.Domain.ReadEntry(dn, "member")!, "member"));
    }

    [Fact]
    public void Commands_OurGroupMovedOutsideScopeByHand_AreRefused()
    {
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "Moved away", Contracts.CloudGroupKind.Security, naming: Contracts.NamingScheme.ObjectId));
        var inside = WriterScope.ReadGroup(id).DistinguishedName;
        WriterScope.MoveEntry(inside, _scope.OutsideOu);
        var movedCounter = ChangeCounter(WriterScope.ReadGroup(id).DistinguishedName);

        var results = _scope.Apply(_scope.Upsert(id, "Renamed", Contracts.CloudGroupKind.Security), WriterScope.Delete(id));

        Assert.All(results, r => Assert.Equal(FailureReason.OutsideScope, r.Reason));
        Assert.Equal(movedCounter, ChangeCounter(WriterScope.ReadGroup(id).DistinguishedName));
        var entry = WriterScope.ReadGroup(id, "displayName");
        Assert.EndsWith(_scope.OutsideOu, entry.DistinguishedName, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["Moved away"], WriterScope.Values(entry, "displayName"));
    }

    [Fact]
    public void Snapshot_RightAfterTheUpsertGroupMovedOutsideScope_IsRefused()
    {
        var id = Guid.NewGuid().ToString();
        _scope.Apply(_scope.Upsert(id, "Moved at once", Contracts.CloudGroupKind.Security, naming: Contracts.NamingScheme.ObjectId));
        WriterScope.MoveEntry(WriterScope.ReadGroup(id).DistinguishedName, _scope.OutsideOu);

        var result = Assert.Single(_scope.Apply([.. WriterScope.Snapshot(id, [])]));

        Assert.Equal(FailureReason.OutsideScope, result.Reason);
        Assert.EndsWith(_scope.OutsideOu, WriterScope.ReadGroup(id).DistinguishedName, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("*")]
    [InlineData("x)(adminDescription=*")]
    public void Commands_GroupIdNotAnObjectId_AreInvalid(string groupId)
    {
        var results = _scope.Apply(_scope.Upsert(groupId.PadRight(8, 'x'), "Bad id"), WriterScope.Delete(groupId));

        Assert.All(results, r => Assert.Equal(FailureReason.InvalidCommand, r.Reason));
    }

    [Fact]
    public void Upsert_TargetOuNotADn_IsInvalid()
    {
        var result = Assert.Single(_scope.Apply(_scope.Upsert(Guid.NewGuid().ToString(), "Bad OU", ou: "Writeback;DROP")));

        Assert.Equal(FailureReason.InvalidCommand, result.Reason);
    }

    public void Dispose() => _scope.Dispose();

    /// <summary>uSNChanged moves on every write to the entry: equal values prove nothing was written.</summary>
    private static string ChangeCounter(string dn) =>
        WriterScope.Values(WriterScope.Domain.ReadEntry(dn, "uSNChanged")!, "uSNChanged").Single();
}
