using GroupWriteback.Cloud.Graph;
using GroupWriteback.GraphEmulator.Requests;

namespace GroupWriteback.Cloud.Tests.Workflows;

/// <summary>
/// What the workflow tests do to the cloud tenant, and the reader the workflows see it through. The
/// host creates its tenant in one place (<see cref="WorkflowHost.CreateTenantAsync"/>): the Graph
/// emulator, read through the real Graph SDK (<see cref="EmulatorTenant"/>).
/// </summary>
internal interface ITestTenant
{
    IGraphGroupReader Reader { get; }

    /// <summary>
    /// The <c>groups/delta</c> page requests Graph answered, in order, with their status (a 410 or 429 included);
    /// asking for the latest deltaLink (<c>$deltatoken=latest</c>) reads no changes and is not counted.
    /// </summary>
    IReadOnlyList<RecordedRequest> DeltaReads { get; }

    /// <summary>The <c>directoryObjects/getByIds</c> requests Graph answered: how a pass resolves changed members.</summary>
    IReadOnlyList<RecordedRequest> MemberLookups { get; }

    string AddUser(string? sid = null, Guid? objectGuid = null);

    /// <summary>A device: a group member in Entra ID that has no on-premises counterpart in a group.</summary>
    string AddDevice(string displayName);

    IReadOnlyList<string> AddUsers(int count);

    string CreateGroup(CloudGroup group, IEnumerable<string>? memberIds = null);

    void UpdateGroup(string groupId, Func<CloudGroup, CloudGroup> update);

    void AddMembers(string groupId, params string[] memberIds);

    void RemoveMembers(string groupId, params string[] memberIds);

    void DeleteGroup(string groupId);

    /// <summary>Deletes a user; Graph reports it as removed from every group it was a member of.</summary>
    void DeleteUser(string userId);

    /// <summary>From now on tracking rounds answer as Graph does to <c>Prefer: return=minimal</c>: updated groups carry only what changed.</summary>
    void ReturnMinimalDeltaEntries();

    /// <summary>Every delta link handed out so far answers 410 Gone.</summary>
    void ExpireDeltaLinks();

    /// <summary>The next <paramref name="count"/> <c>groups/delta</c> requests answer 429 with Retry-After.</summary>
    void ThrottleDeltaReads(int retryAfterSeconds, int count = 1);
}
