using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Tests.Support;
using Microsoft.Graph.Models;

namespace GroupWriteback.GraphEmulator.Tests.Http;

public sealed class UserEndpointTests
{
    [Fact]
    public async Task UserLifecycle_CreateUpdateDelete_ChangesTenantAndMemberships()
    {
        // Arrange
        await using var emulator = await GraphEmulatorServer.StartAsync();
        var graph = SdkClients.For(emulator);

        // Act
        var created = await graph.Users.PostAsync(new User { DisplayName = "New", UserPrincipalName = "new@corp.test", AccountEnabled = true });
        await graph.Users[created!.Id].PatchAsync(new User { OnPremisesImmutableId = "AAAAAAAAAAAAAAAAAAAAAA==" });
        var group = emulator.Tenant.CreateGroup(GroupDraft.Security("Has user") with { Members = [created.Id!] });
        var read = await graph.Users[created.Id].GetAsync(r => r.QueryParameters.Select = ["id", "displayName", "onPremisesImmutableId"]);
        await graph.Users[created.Id].DeleteAsync();

        // Assert
        Assert.Equal("New", read!.DisplayName);
        Assert.Equal("AAAAAAAAAAAAAAAAAAAAAA==", read.OnPremisesImmutableId);
        Assert.Null(emulator.Tenant.FindUser(created.Id!));
        Assert.Empty(emulator.Tenant.ListMembers(group));
    }

    [Fact]
    public async Task ListUsers_DefaultSelection_LeavesOutOnPremisesIdentity()
    {
        // Arrange
        await using var emulator = await GraphEmulatorServer.StartAsync(SyntheticUsers.Tenant(3));
        var graph = SdkClients.For(emulator);

        // Act
        var users = await graph.Users.GetAsync();

        // Assert
        Assert.Equal(3, users!.Value!.Count);
        Assert.All(users.Value, u => Assert.Null(u.OnPremisesSecurityIdentifier));
        Assert.Equal("user1@corp.test", users.Value[0].UserPrincipalName);
    }
}
