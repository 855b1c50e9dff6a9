using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Cloud.Tests.Workflows.Group;

public sealed class GroupStatusUpdateTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly GroupStatus Before = new() { GroupId = "g1", Pass = 2, WrittenBack = true, KnownMemberCount = 10, DistinguishedName = "CN=old,OU=Groups,DC=corp,DC=test" };

    [Fact]
    public void Apply_MemberChangesSucceeded_CountsMembersAndKeepsTheDn()
    {
        // Arrange
        var plan = new GroupPlan { Action = PlanAction.Upsert, Reason = "all", MembersAdded = 3, MembersRemoved = 1, MembersSkipped = 2, UpsertIntentHash = "h" };
        var results = new ResultTally([Result(CommandKinds.ChangeMembership) with { MembersAdded = 3, MembersRemoved = 1, DistinguishedName = null }], [], 0);

        // Act
        var after = GroupStatusUpdate.Apply(Before, plan, null, results, Now);

        // Assert
        Assert.Equal(("succeeded", 4, 2, 12, "CN=old,OU=Groups,DC=corp,DC=test", "h"), (after.LastOutcome, after.MembersWritten, after.MembersSkipped, after.KnownMemberCount, after.DistinguishedName, after.UpsertIntentHash));
    }

    [Fact]
    public void Apply_ResultsMissing_IsTimedOutWithTheGroupInTheError()
    {
        // Arrange
        var plan = new GroupPlan { Action = PlanAction.Upsert, Reason = "all", Upsert = Upsert(), UpsertIntentHash = "h" };

        // Act
        var after = GroupStatusUpdate.Apply(Before with { WrittenBack = false }, plan, null, new ResultTally([], ["c1"], 3), Now);

        // Assert
        Assert.Equal(("timedOut", true, null), (after.LastOutcome, after.WrittenBack, after.UpsertIntentHash));
        Assert.Equal("Group g1: no result for 1 command(s) after 3 re-queue(s).", after.LastError);
    }

    [Fact]
    public void Apply_UpsertRefused_IsNotWrittenBack()
    {
        // Arrange
        var plan = new GroupPlan { Action = PlanAction.Upsert, Reason = "all", Upsert = Upsert(), UpsertIntentHash = "h" };
        var refused = Result(CommandKinds.UpsertGroup) with { Outcome = ResultOutcome.Failed, Reason = FailureReason.NameCollision, Message = "taken" };

        // Act
        var after = GroupStatusUpdate.Apply(Before with { WrittenBack = false }, plan, null, new ResultTally([refused], [], 0), Now);

        // Assert
        Assert.Equal(("failed", false), (after.LastOutcome, after.WrittenBack));
        Assert.Contains("NameCollision at CN=g1,OU=Groups,DC=corp,DC=test: taken", after.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_DeleteApplied_ForgetsTheObject()
    {
        // Arrange
        var plan = new GroupPlan { Action = PlanAction.Delete, Reason = "deletedInCloud" };

        // Act
        var after = GroupStatusUpdate.Apply(Before, plan, null, new ResultTally([Result(CommandKinds.DeleteGroup)], [], 0), Now);

        // Assert
        Assert.Equal((GroupPhase.Deleted, false, "deleted", null, null, null), (after.Phase, after.WrittenBack, after.LastOutcome, after.DistinguishedName, after.ObjectGuid, after.KnownMemberCount));
    }

    [Fact]
    public void Apply_SnapshotPublished_TakesItsMemberCount()
    {
        // Arrange
        var plan = new GroupPlan { Action = PlanAction.Upsert, Reason = "all", Snapshot = true };
        var snapshot = new SnapshotQueued { Published = true, MemberCount = 42, MembersSkipped = 1, CommandIds = ["c1"] };

        // Act
        var after = GroupStatusUpdate.Apply(Before, plan, snapshot, new ResultTally([Result(CommandKinds.MembershipSnapshot)], [], 0), Now, note: null);

        // Assert
        Assert.Equal((42, 1, Now), (after.KnownMemberCount, after.MembersSkipped, after.LastPassAt));
    }

    private static WritebackResult Result(string kind) => new()
    {
        CommandId = "c1",
        CommandKind = kind,
        GroupId = "g1",
        Outcome = ResultOutcome.Applied,
        DistinguishedName = "CN=g1,OU=Groups,DC=corp,DC=test",
        ObjectGuid = Guid.Empty,
    };

    private static UpsertGroupCommand Upsert() => new()
    {
        CommandId = "c1",
        GroupId = "g1",
        CloudKind = CloudGroupKind.Security,
        GroupType = OnPremisesGroupType.UniversalSecurityGroup,
        TargetOu = "OU=Groups,DC=corp,DC=test",
        Attributes = new GroupAttributes { DisplayName = "g1" },
    };
}
