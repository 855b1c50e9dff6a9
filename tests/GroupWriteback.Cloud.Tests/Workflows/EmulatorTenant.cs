using System.Collections.Concurrent;
using System.Globalization;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Tests.Emulation;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Requests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Tests.Workflows;

/// <summary>
/// The test tenant in the Graph emulator, started in-process, and read through the cloud's real
/// <see cref="IGraphGroupReader"/> (the Microsoft Graph SDK, wired by <c>AddGraphAccess</c> with the emulator as
/// service root and the emulator credential). Changes go straight to the emulated tenant; what the workflows read
/// is what Graph would answer, request by request.
/// </summary>
internal sealed class EmulatorTenant : ITestTenant, IAsyncDisposable
{
    /// <summary>Group reads (delta included) go to beta, where Graph serves <c>writebackConfiguration</c>.</summary>
    private const string DeltaPath = "/beta/groups/delta";

    private readonly GraphEmulatorFixture _graph;
    private readonly ConcurrentDictionary<string, CloudGroup> _created = new(StringComparer.OrdinalIgnoreCase);
    private int _userCount;

    private EmulatorTenant(GraphEmulatorFixture graph, IGraphGroupReader reader)
    {
        this._graph = graph;
        Reader = reader;
    }

    public IGraphGroupReader Reader { get; }

    public IReadOnlyList<RecordedRequest> DeltaReads =>
        [.. _graph.Requests.Matching(DeltaPath).Where(r => !r.PathAndQuery.Contains("$deltatoken=latest", StringComparison.OrdinalIgnoreCase))];

    public IReadOnlyList<RecordedRequest> MemberLookups => [.. _graph.Requests.Matching("/").Where(r => r.Path.EndsWith("/directoryObjects/getByIds", StringComparison.OrdinalIgnoreCase))];

    private EmulatedTenant Tenant => _graph.Tenant;

    /// <summary>
    /// Starts an empty tenant whose Graph pages (delta, groups, members) hold <paramref name="pageSize"/> entries;
    /// the reader's warnings (retries, failed requests) go to <paramref name="logs"/>.
    /// </summary>
    public static async Task<EmulatorTenant> StartAsync(int pageSize, ILoggerProvider logs)
    {
        var graph = await GraphEmulatorFixture.StartAsync(configure: o => (o.DeltaPageSize, o.ListPageSize) = (pageSize, pageSize));
        var settings = new Dictionary<string, string?> { ["Graph:PageSize"] = pageSize.ToString(CultureInfo.InvariantCulture) };
        try
        {
            var services = graph.CreateServices(settings, s => s.AddLogging(b => b.AddProvider(logs)));
            return new EmulatorTenant(graph, services.GetRequiredService<IGraphGroupReader>());
        }
        catch
        {
            await graph.DisposeAsync();
            throw;
        }
    }

    public string AddUser(string? sid = null, Guid? objectGuid = null) => AddUser(Interlocked.Increment(ref _userCount), sid, objectGuid);

    public string AddDevice(string displayName) => Tenant.AddDevice(displayName);

    public IReadOnlyList<string> AddUsers(int count) =>
    [
        .. Enumerable.Range(0, count).Select(_ => Interlocked.Increment(ref _userCount))
            .Select(n => AddUser(n, string.Create(CultureInfo.InvariantCulture, $"S-1-5-21-1-2-3-{10000 + n}"), objectGuid: null)),
    ];

    public string CreateGroup(CloudGroup group, IEnumerable<string>? memberIds = null)
    {
        var id = Tenant.CreateGroup(CloudGroupDrafts.ToDraft(group, memberIds));
        _created[id] = group with { Id = id };
        return id;
    }

    /// <summary>Sends the emulator what <paramref name="update"/> changes of the group as the test last described it.</summary>
    public void UpdateGroup(string groupId, Func<CloudGroup, CloudGroup> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var before = _created.TryGetValue(groupId, out var found) ? found : throw new ArgumentException($"The test created no group {groupId}.", nameof(groupId));
        var after = update(before) with { Id = groupId };
        Tenant.UpdateGroup(groupId, CloudGroupDrafts.ToUpdate(before, after));
        _created[groupId] = after;
    }

    public void AddMembers(string groupId, params string[] memberIds)
    {
        foreach (var memberId in memberIds)
        {
            Tenant.AddMember(groupId, memberId);
        }
    }

    public void RemoveMembers(string groupId, params string[] memberIds)
    {
        foreach (var memberId in memberIds)
        {
            Tenant.RemoveMember(groupId, memberId);
        }
    }

    public void DeleteGroup(string groupId)
    {
        Tenant.DeleteGroup(groupId);
        _created.TryRemove(groupId, out _);
    }

    public void DeleteUser(string userId) => Tenant.DeleteUser(userId);

    public void ReturnMinimalDeltaEntries() => _graph.Control.MinimalDeltaEntries = true;

    public void ExpireDeltaLinks() => _graph.Control.ExpireDeltaTokens();

    public void ThrottleDeltaReads(int retryAfterSeconds, int count = 1) => _graph.Control.InjectFault(DeltaPath, 429, retryAfterSeconds, count);

    public ValueTask DisposeAsync() => _graph.DisposeAsync();

    /// <summary>User <paramref name="number"/>: synced from AD when it has a SID or objectGUID (immutable id = base64 of the GUID).</summary>
    private string AddUser(int number, string? sid, Guid? objectGuid) => Tenant.AddUser(new UserDraft
    {
        DisplayName = string.Create(CultureInfo.InvariantCulture, $"User {number}"),
        UserPrincipalName = string.Create(CultureInfo.InvariantCulture, $"user{number}@corp.test"),
        OnPremisesSecurityIdentifier = sid,
        OnPremisesImmutableId = objectGuid is { } guid ? Convert.ToBase64String(guid.ToByteArray()) : null,
        OnPremisesSyncEnabled = sid is not null || objectGuid is not null ? true : null,
    });
}
