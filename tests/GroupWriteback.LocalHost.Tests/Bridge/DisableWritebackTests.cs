using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Switch;
using GroupWriteback.LocalDomain;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.Testing;

namespace GroupWriteback.LocalHost.Tests.Bridge;

public sealed class DisableWritebackFixture : SeededBridgeFixture
{
    protected override int GroupCount => 3;

    protected override int MembersPerGroup => 2;
}

/// <summary>
/// Disabling writeback deletes the written-back groups, only after an operator approved the preview, and keeps
/// writeback off until it is enabled again.
/// </summary>
[Collection(BridgeCollection.Name)]
[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class DisableWritebackTests(DisableWritebackFixture fixture) : IClassFixture<DisableWritebackFixture>
{
    [Fact]
    public async Task Disable_Approved_DeletesEveryWrittenBackGroupOnlyAfterTheApproval()
    {
        await fixture.WaitForSeededGroupsAsync();
        await WaitForWrittenBackAsync();

        await fixture.Bridge.Admin.DisableWritebackAsync(CancellationToken.None);
        var pending = await WaitForApprovalAsync();
        Assert.Equal(3, pending.Preview.Count);
        Assert.Equal(3, DirectoryGroup.Anchored(TestDomain.Instance, fixture.GroupsOu).Count);
        await fixture.Bridge.Admin.DecideAsync(pending, approve: true, CancellationToken.None);

        foreach (var id in fixture.GroupIds)
        {
            await fixture.WaitForGroupAsync(id, g => g is null, "deleted after the approval");
        }

        Assert.Empty(DirectoryGroup.Anchored(TestDomain.Instance, fixture.ScopeOu));

        // Writeback stays off: a group created in Entra ID now is skipped, and written only once it is enabled again.
        var status = await fixture.WaitForAsync(() => fixture.Bridge.Admin.GetStatusAsync(CancellationToken.None), s => !s.WritebackEnabled, "GET /api/status to report writeback disabled");
        Assert.False(status.WritebackEnabled);
        Assert.Equal(("local administrator (key)", "key:local administrator (key)"), (status.DisableWriteback?.Approval?.By, status.DisableWriteback?.Approval?.ById));
        var late = await fixture.Bridge.Graph.CreateSecurityGroupAsync("Bridge After Disable", fixture.CloudIds(0, 1), CancellationToken.None);
        var skipped = await fixture.WaitForAsync(() => fixture.Bridge.Admin.GetGroupAsync(late, CancellationToken.None), g => g?.SkipReason is not null, $"GET /api/groups/{late} to report the pass skipped");
        Assert.Equal(WritebackSwitch.SkipReason, skipped!.SkipReason);
        Assert.Null(DirectoryGroup.Find(TestDomain.Instance, fixture.ScopeOu, late));

        await fixture.Bridge.Admin.EnableWritebackAsync(CancellationToken.None);

        await fixture.WaitForGroupAsync(late, g => g?.Members.Count == 1, "written after writeback was enabled");
        foreach (var id in fixture.GroupIds)
        {
            await fixture.WaitForGroupAsync(id, g => g is not null, "written back again by the full sync that enabling starts");
        }
    }

    /// <summary>Disable lists the groups whose orchestration recorded the agent's result, so wait for every one.</summary>
    private async Task WaitForWrittenBackAsync()
    {
        foreach (var id in fixture.GroupIds)
        {
            await fixture.WaitForAsync(() => fixture.Bridge.Admin.GetGroupAsync(id, CancellationToken.None), g => g?.WrittenBack == true, $"GET /api/groups/{id} to report the group written back");
        }
    }

    private async Task<PendingApproval> WaitForApprovalAsync()
    {
        var list = await fixture.WaitForAsync(
            () => fixture.Bridge.Admin.GetApprovalsAsync(CancellationToken.None),
            l => l.Pending.Any(p => p.InstanceId == InstanceIds.DisableWriteback),
            "disable writeback to wait for an approval");
        return list.Pending.First(p => p.InstanceId == InstanceIds.DisableWriteback);
    }
}
