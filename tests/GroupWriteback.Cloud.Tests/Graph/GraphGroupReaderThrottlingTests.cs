using System.Diagnostics;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Tests.Emulation;
using GroupWriteback.GraphEmulator.Model;

namespace GroupWriteback.Cloud.Tests.Graph;

public sealed class GraphGroupReaderThrottlingTests : IAsyncLifetime
{
    private GraphEmulatorFixture _graph = null!;
    private string _groupId = null!;

    public async Task InitializeAsync()
    {
        _graph = await GraphEmulatorFixture.StartAsync(SyntheticUsers.Tenant(1));
        _groupId = _graph.Tenant.CreateGroup(GroupDraft.Security("Throttled"));
    }

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [Fact]
    public async Task GetGroup_Throttled429WithRetryAfter_WaitsItOutAndSucceeds()
    {
        // Arrange
        var reader = _graph.CreateReader();
        _graph.Control.InjectFault($"/beta/groups/{_groupId}", 429, retryAfterSeconds: 2);
        var clock = Stopwatch.StartNew();

        // Act
        var group = await reader.GetGroupAsync(_groupId, CancellationToken.None);

        // Assert: the answer came after the server's Retry-After, not before it.
        Assert.Equal("Throttled", group!.DisplayName);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"retried after {clock.Elapsed}, before Retry-After");
        Assert.Equal([429, 200], _graph.Requests.Matching($"/beta/groups/{_groupId}").Select(r => r.StatusCode).ToArray());
    }

    [Fact]
    public async Task GetMembersPage_UnavailableMoreOftenThanMaxRetries_ThrowsTransientNamingRequestAndStatus()
    {
        // Arrange
        var reader = _graph.CreateReader(new Dictionary<string, string?> { ["Graph:MaxRetries"] = "1" });
        _graph.Control.InjectFault($"/v1.0/groups/{_groupId}/members", 503, retryAfterSeconds: 1, count: 5);

        // Act
        var error = await Assert.ThrowsAsync<GraphRequestException>(() => reader.GetMembersPageAsync(_groupId, null, CancellationToken.None));

        // Assert
        Assert.True(error.IsTransient);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal($"GET groups/{_groupId}/members", error.Request);
        Assert.Contains(_groupId, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _graph.Requests.Matching($"/v1.0/groups/{_groupId}/members").Count);
    }

    [Fact]
    public async Task GetGroup_RetryAfterBeyondMaxRetryWait_GivesUpAfterOneRequest()
    {
        // Arrange
        var reader = _graph.CreateReader(new Dictionary<string, string?> { ["Graph:MaxRetryWait"] = "00:00:02" });
        _graph.Control.InjectFault($"/beta/groups/{_groupId}", 429, retryAfterSeconds: 30);

        // Act
        var error = await Assert.ThrowsAsync<GraphRequestException>(() => reader.GetGroupAsync(_groupId, CancellationToken.None));

        // Assert
        Assert.True(error.IsTransient);
        Assert.Equal(429, error.StatusCode);
        Assert.Single(_graph.Requests.Matching($"/beta/groups/{_groupId}"));
    }

    [Fact]
    public async Task GetGroup_UnknownId_ReturnsNull()
    {
        // Arrange
        var reader = _graph.CreateReader();

        // Act
        var group = await reader.GetGroupAsync(Guid.NewGuid().ToString(), CancellationToken.None);

        // Assert
        Assert.Null(group);
    }

    [Fact]
    public async Task GetMembersPage_UnknownGroup_ThrowsPermanentWith404()
    {
        // Arrange
        var reader = _graph.CreateReader();
        var missing = Guid.NewGuid().ToString();

        // Act
        var error = await Assert.ThrowsAsync<GraphRequestException>(() => reader.GetMembersPageAsync(missing, null, CancellationToken.None));

        // Assert
        Assert.False(error.IsTransient);
        Assert.Equal(404, error.StatusCode);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }
}
