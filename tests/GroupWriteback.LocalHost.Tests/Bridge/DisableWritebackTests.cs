using GroupWriteback.Cloud.Orchestrations;

namespace GroupWriteback.LocalHost.Tests.Bridge;

public sealed class DisableWritebackFixture : SeededBridgeFixture
{
    protected override int GroupCount => 3;

    protected override int MembersPerGroup => 2;
}

/// <summary>Disabling writeback deletes the written-back groups, and only after an operator approved the preview.</summary>
[Collection(BridgeCollection.Name)]
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
        Assert.Equal(3, AdGroup.All(fixture.GroupsOu).Count);
        await fixture.Bridge.Admin.DecideAsync(pending, approve: true, "bridge-test", CancellationToken.None);

        foreach (var id in fixture.GroupIds)
        {
            await fixture.WaitForGroupAsync(id, g => g is null, "deleted after the approval");
        }

        Assert.Empty(AdGroup.All(fixture.ScopeOu));
    }

    /// <summary>Disable lists the groups whose orchestration recorded the agent's result, so wait for every one.</summary>
    private async Task WaitForWrittenBackAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        foreach (var id in fixture.GroupIds)
        {
            while ((await fixture.Bridge.Admin.GetGroupAsync(id, CancellationToken.None))?.WrittenBack != true)
            {
                Assert.True(DateTime.UtcNow < deadline, $"GET /api/groups/{id} never reported the group written back.");
                await Task.Delay(250);
            }
        }
    }

    private async Task<Cloud.Api.PendingApproval> WaitForApprovalAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var list = await fixture.Bridge.Admin.GetApprovalsAsync(CancellationToken.None);
            if (list.Pending.FirstOrDefault(p => p.InstanceId == InstanceIds.DisableWriteback) is { } pending)
            {
                return pending;
            }

            await Task.Delay(250);
        }

        Assert.Fail("Disable writeback never waited for an approval.");
        return null!;
    }
}
