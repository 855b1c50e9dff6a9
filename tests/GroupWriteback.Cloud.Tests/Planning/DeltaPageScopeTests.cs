using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Planning;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;
using Moq;

namespace GroupWriteback.Cloud.Tests.Planning;

/// <summary>
/// Round-level scope of a delta page as Graph writes it (SDK <see cref="Group"/> entries through the merger):
/// only entries that carry what scope is decided from are decided, so the round's delete guard counts no
/// group that a partial update made look out of scope.
/// </summary>
public sealed class DeltaPageScopeTests
{
    // Strict: in the "all security" mode the scope needs no Graph call, so any call fails the test.
    private readonly Mock<IGraphGroupReader> _graph = new(MockBehavior.Strict);

    [Fact]
    public async Task Requests_PartialEntryWithoutKindProperties_LeftUndecidedAndNotCountedAsADelete()
    {
        // Arrange: a renamed security group whose entry carries only the changed name.
        Group[] page = [new() { Id = "g-partial", DisplayName = "Renamed" }];

        // Act
        var request = Assert.Single(await RequestsAsync(page));

        // Assert
        Assert.Null(request.InScopeAtRound);
        Assert.False(request.WouldDelete);
    }

    [Fact]
    public async Task Requests_CompleteEntryOfAnotherKind_DecidedOutOfScopeAndCounted()
    {
        // Arrange: a Microsoft 365 group, out of an "all security" scope, with every kind property present.
        Group[] page = [Complete("g-m365", unified: true)];

        // Act
        var request = Assert.Single(await RequestsAsync(page));

        // Assert
        Assert.Equal((false, true), (request.InScopeAtRound, request.WouldDelete));
    }

    [Fact]
    public async Task Requests_PartialEntryAfterCompleteOne_KeepsTheCompleteDecision()
    {
        // Arrange
        Group[] page = [Complete("g1", unified: false), new() { Id = "g1", DisplayName = "Later name" }];

        // Act
        var request = Assert.Single(await RequestsAsync(page));

        // Assert
        Assert.Equal(true, request.InScopeAtRound);
    }

    [Fact]
    public async Task Requests_DeviceAndUserMemberChanges_DevicesCountedAndOnlyTheUserCarried()
    {
        // Arrange
        var entry = Complete("g1", unified: false);
        entry.AdditionalData = new Dictionary<string, object>
        {
            ["members@delta"] = new UntypedArray(
            [
                Member("#microsoft.graph.device", "d1", removed: true),
                Member("#microsoft.graph.user", "u1", removed: true),
                Member("#microsoft.graph.device", "d2", removed: false),
            ]),
        };

        // Act
        var request = Assert.Single(await RequestsAsync([entry]));

        // Assert
        Assert.Equal((2, 0), (request.MembersSkippedAtRound, request.AddedMemberIds.Count));
        Assert.Equal(["u1"], request.RemovedMemberIds);
        Assert.Equal(GroupPassMode.Delta, request.Mode);
    }

    private async Task<IReadOnlyList<GroupPassRequest>> RequestsAsync(IEnumerable<Group> page)
    {
        var options = new WritebackScopeOptions { Mode = ScopeMode.AllSecurity };
        var scope = new DeltaPageScope(_graph.Object, new GroupScopeEvaluator(_graph.Object, Options.Create(options)), options);
        return await scope.RequestsAsync(DeltaPageMerger.Merge(page), CancellationToken.None);
    }

    private static Group Complete(string id, bool unified) => new()
    {
        Id = id,
        DisplayName = "Group " + id,
        GroupTypes = unified ? ["Unified"] : [],
        SecurityEnabled = !unified,
        MailEnabled = unified,
    };

    /// <summary>A <c>members@delta</c> entry as the SDK hands it over.</summary>
    private static UntypedObject Member(string type, string id, bool removed)
    {
        var member = new Dictionary<string, UntypedNode> { ["@odata.type"] = new UntypedString(type), ["id"] = new UntypedString(id) };
        if (removed)
        {
            member["@removed"] = new UntypedObject(new Dictionary<string, UntypedNode> { ["reason"] = new UntypedString("deleted") });
        }

        return new UntypedObject(member);
    }
}
