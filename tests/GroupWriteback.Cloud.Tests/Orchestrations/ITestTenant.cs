using GroupWriteback.Cloud.Graph;

namespace GroupWriteback.Cloud.Tests.Orchestrations;

/// <summary>
/// What the workflow tests do to the cloud tenant, and the reader the workflows see it through. The
/// fixture creates its tenant in one place (<see cref="WorkflowFixture"/>), so moving the tests from
/// <see cref="InMemoryGraph"/> to the Graph emulator means one adapter over the emulator.
/// </summary>
internal interface ITestTenant
{
    IGraphGroupReader Reader { get; }

    /// <summary>How many <c>groups/delta</c> pages were read.</summary>
    int DeltaReads { get; }

    string AddUser(string? sid = null, Guid? objectGuid = null);

    IReadOnlyList<string> AddUsers(int count);

    string CreateGroup(CloudGroup group, IEnumerable<string>? memberIds = null);

    void UpdateGroup(string groupId, Func<CloudGroup, CloudGroup> update);

    void AddMembers(string groupId, params string[] memberIds);

    void RemoveMembers(string groupId, params string[] memberIds);

    void DeleteGroup(string groupId);

    /// <summary>Every delta link handed out so far answers 410 Gone.</summary>
    void ExpireDeltaLinks();
}
