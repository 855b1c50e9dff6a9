using System.Text.Json;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.LocalDomain;
using GroupWriteback.LocalHost.Bridge;

namespace GroupWriteback.LocalHost.Tests.Bridge;

/// <summary>
/// The whole bridge for one test class: a scratch OU on the test DC with a groups OU and a second OU to move to, an
/// agent account granted on the scratch OU by the agent's own <c>grant</c>, synced users, and the local host and the
/// agent started as two processes. Tests change the tenant through Graph and read the DC back.
/// </summary>
public class BridgeFixture : IAsyncLifetime
{
    public const int UserCount = 300;
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(120);
    private ScratchOu? _scratch;
    private string? _state;

    internal LocalBridge Bridge { get; private set; } = null!;

    public string GroupsOu => $"OU=Groups,{_scratch!.Dn}";

    public string MovedOu => $"OU=Moved,{_scratch!.Dn}";

    public string ScopeOu => _scratch!.Dn;

    /// <summary>On-premises users and the ids of the synced cloud users standing for them.</summary>
    public IReadOnlyList<(TestUser User, string CloudId)> Users { get; private set; } = [];

    /// <summary>Groups in the tenant before the bridge starts; the first full sync writes them.</summary>
    protected virtual IReadOnlyList<GroupDraft> InitialGroups => [];

    public async Task InitializeAsync()
    {
        var domain = TestDomain.Instance;
        _scratch = domain.CreateScratchOu("bridge");
        domain.EnsureOu(GroupsOu);
        domain.EnsureOu(MovedOu);
        var account = domain.CreateAccount(_scratch.Dn, "gwagent");
        Users = [.. domain.SharedUsers(UserCount).Select((user, i) => (user, $"00000000-0000-4000-8000-{i + 1:D12}"))];

        _state = Directory.CreateTempSubdirectory("gw-bridge-").FullName;
        var settings = Settings(domain, account);
        await WriteTenantAsync(settings.TenantFile!);
        await GrantAsync(settings, account);
        Bridge = await LocalBridge.StartAsync(settings, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (Bridge is not null)
        {
            await Bridge.DisposeAsync();
        }

        _scratch?.Dispose();
        if (_state is not null)
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    /// <summary>Polls the DC until the group anchored to <paramref name="groupId"/> satisfies <paramref name="until"/> (null: absent).</summary>
    internal Task<DirectoryGroup?> WaitForGroupAsync(string groupId, Func<DirectoryGroup?, bool> until, string what) =>
        WaitForAsync(() => Task.FromResult(DirectoryGroup.Find(TestDomain.Instance, ScopeOu, groupId)), until, $"group {groupId}: {what}; last seen in AD");

    /// <summary>Polls <paramref name="read"/> until <paramref name="until"/> holds; fails naming <paramref name="what"/> and the last value read.</summary>
    public async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> until, string what)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        T last;
        do
        {
            last = await read();
            if (until(last))
            {
                return last;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Timed out after {WaitLimit.TotalSeconds} s waiting for {what}: {JsonSerializer.Serialize(last)}; logs in {_state}/logs");
        return last;
    }

    /// <summary>The DNs of the on-premises users standing for the first <paramref name="count"/> from <paramref name="skip"/>.</summary>
    public IReadOnlyList<TestUser> OnPremises(int skip, int count) => [.. Users.Skip(skip).Take(count).Select(u => u.User)];

    /// <summary>Their cloud ids.</summary>
    public IReadOnlyList<string> CloudIds(int skip, int count) => [.. Users.Skip(skip).Take(count).Select(u => u.CloudId)];

    private BridgeSettings Settings(TestDomain domain, TestUser account) => new()
    {
        StateDirectory = _state!,
        Port = LoopbackPort.Free(),
        ApiKey = "local-test-key-" + Guid.NewGuid().ToString("N"),
        Domain = domain.Info,
        TargetOu = GroupsOu,
        AgentScope = [ScopeOu],
        AgentBindDn = account.Dn,
        AgentBindPassword = account.Password!,
        TenantFile = Path.Combine(_state!, "tenant.json"),
        HostSettings = new Dictionary<string, string>
        {
            ["Writeback:Naming"] = "DisplayNameAndObjectId",
            ["Writeback:DebounceWindow"] = "00:00:00.200",
            ["Writeback:MaxDebounce"] = "00:00:02",
            ["Writeback:ResultTimeout"] = "00:00:30",
            ["LocalHost:DeltaPollInterval"] = "00:00:05",
        },
        AgentExtraSettings = new Dictionary<string, string>
        {
            ["EmbeddedQueue:LockDuration"] = "00:00:05",
            ["Agent:MaxConcurrentSessions"] = "2",
        },
    };

    private async Task WriteTenantAsync(string path)
    {
        var users = Users.Select((u, i) => new UserDraft
        {
            Id = u.CloudId,
            DisplayName = $"Bridge User {i}",
            UserPrincipalName = $"bridge.user{i}@corp.test",
            OnPremisesSecurityIdentifier = u.User.Sid,
            OnPremisesImmutableId = Convert.ToBase64String(u.User.ObjectGuid.ToByteArray()),
            OnPremisesSyncEnabled = true,
        });
        await using var file = File.Create(path);
        await TenantFile.WriteAsync(new TenantFileDocument { Users = [.. users], Groups = InitialGroups }, file);
    }

    private async Task GrantAsync(BridgeSettings settings, TestUser account)
    {
        var (exitCode, output) = await AgentGrant.RunAsync(settings, account.Dn, ScopeOu, CancellationToken.None);
        Assert.True(exitCode == 0, $"agent grant failed ({exitCode}): {output}");
    }
}
