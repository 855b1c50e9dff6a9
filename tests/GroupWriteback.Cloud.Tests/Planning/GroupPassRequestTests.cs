using GroupWriteback.Cloud.Planning;

namespace GroupWriteback.Cloud.Tests.Planning;

public sealed class GroupPassRequestTests
{
    [Fact]
    public void FromDelta_Deleted_IsADeleteInCloud()
    {
        // Arrange / Act
        var request = GroupPassRequest.FromDelta("g1", deleted: true, ["u1"], []);

        // Assert
        Assert.Equal((GroupPassMode.Delete, true, "deletedInCloud"), (request.Mode, request.DeletedInCloud, request.DeleteReason));
        Assert.Empty(request.AddedMemberIds);
    }

    [Fact]
    public void FromDelta_MoreMemberChangesThanCarried_BecomesASnapshot()
    {
        // Arrange
        var added = Enumerable.Range(0, GroupPassRequest.MaxDeltaMemberIds + 1).Select(i => $"u{i}").ToList();

        // Act
        var request = GroupPassRequest.FromDelta("g1", deleted: false, added, []);

        // Assert
        Assert.Equal(GroupPassMode.Snapshot, request.Mode);
        Assert.Empty(request.AddedMemberIds);
    }

    [Fact]
    public void Then_MemberAddedThenRemoved_EndsUpRemoved()
    {
        // Arrange
        var first = GroupPassRequest.FromDelta("g1", false, ["u1", "u2"], ["u3"]);
        var later = GroupPassRequest.FromDelta("g1", false, ["u3"], ["u1"]);

        // Act
        var merged = first.Then(later);

        // Assert
        Assert.Equal(["u2", "u3"], merged.AddedMemberIds);
        Assert.Equal(["u1"], merged.RemovedMemberIds);
    }

    [Fact]
    public void Then_ChangeAfterDelete_ReplansFromTheCompleteState()
    {
        // Arrange
        var deleted = GroupPassRequest.FromDelta("g1", true, [], []);

        // Act
        var merged = deleted.Then(GroupPassRequest.FromDelta("g1", false, ["u1"], []));

        // Assert
        Assert.Equal((GroupPassMode.Snapshot, false, null), (merged.Mode, merged.DeletedInCloud, merged.DeleteReason));
    }

    [Fact]
    public void Then_DeleteAfterChange_Deletes()
    {
        // Arrange / Act
        var merged = GroupPassRequest.FromDelta("g1", false, ["u1"], []).Then(GroupPassRequest.FromDelta("g1", true, [], []));

        // Assert
        Assert.Equal(GroupPassMode.Delete, merged.Mode);
    }

    [Fact]
    public void Then_BothAskToBeNotified_NotifiesBoth()
    {
        // Arrange
        var first = new GroupPassRequest { GroupId = "g1", NotifyInstanceIds = ["full-sync"] };
        var later = new GroupPassRequest { GroupId = "g1", Mode = GroupPassMode.Snapshot, NotifyInstanceIds = ["disable-writeback", "full-sync"] };

        // Act
        var merged = first.Then(later);

        // Assert
        Assert.Equal(["full-sync", "disable-writeback"], merged.NotifyInstanceIds);
    }

    [Fact]
    public void Then_DisableDeleteThenLaterChange_KeepsTheDelete()
    {
        // Arrange
        var delete = new GroupPassRequest { GroupId = "g1", Mode = GroupPassMode.Delete, DeleteReason = GroupPassRequest.WritebackDisabledReason, NotifyInstanceIds = ["disable-writeback"] };

        // Act
        var merged = delete.Then(GroupPassRequest.FromDelta("g1", deleted: false, ["u1"], [])).Then(new GroupPassRequest { GroupId = "g1", Mode = GroupPassMode.Snapshot, NotifyInstanceIds = ["full-sync"] });

        // Assert
        Assert.Equal((GroupPassMode.Delete, GroupPassRequest.WritebackDisabledReason), (merged.Mode, merged.DeleteReason));
        Assert.Equal(["disable-writeback", "full-sync"], merged.NotifyInstanceIds);
        Assert.Empty(merged.AddedMemberIds);
    }

    [Fact]
    public void Then_OutOfScopeDeleteThenChange_StillBecomesASnapshot()
    {
        // Arrange
        var delete = new GroupPassRequest { GroupId = "g1", Mode = GroupPassMode.Delete, DeleteReason = "outOfScope" };

        // Act
        var merged = delete.Then(GroupPassRequest.FromDelta("g1", deleted: false, ["u1"], []));

        // Assert
        Assert.Equal((GroupPassMode.Snapshot, null), (merged.Mode, merged.DeleteReason));
    }

    [Fact]
    public void Then_OutOfScopeThenMembersOnly_StaysOutOfScopeAndKeepsTheHold()
    {
        // Arrange
        var leaving = new GroupPassRequest { GroupId = "g1", InScopeAtRound = false, DeleteHeld = true };
        var membersOnly = GroupPassRequest.FromDelta("g1", deleted: false, ["u1"], []);

        // Act
        var merged = leaving.Then(membersOnly);

        // Assert
        Assert.Equal((false, true, true), (merged.InScopeAtRound, merged.DeleteHeld, merged.WouldDelete));
        Assert.Equal(["u1"], merged.AddedMemberIds);
    }

    [Fact]
    public void Then_OutOfScopeThenBackInScope_NoLongerDeletes()
    {
        // Arrange
        var leaving = new GroupPassRequest { GroupId = "g1", InScopeAtRound = false };

        // Act
        var merged = leaving.Then(new GroupPassRequest { GroupId = "g1", InScopeAtRound = true });

        // Assert
        Assert.Equal((true, false), (merged.InScopeAtRound, merged.WouldDelete));
    }
}
