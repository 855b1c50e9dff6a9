using GroupWriteback.LocalDomain;

namespace GroupWriteback.LocalHost.Bridge;

/// <summary>What the two processes of a local bridge are started with.</summary>
internal sealed record BridgeSettings
{
    /// <summary>Settings files, the queue, the agent's state, pid and log files go here.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>Loopback port of the local host.</summary>
    public required int Port { get; init; }

    /// <summary>The admin API key.</summary>
    public required string ApiKey { get; init; }

    /// <summary>The domain controller the agent writes to.</summary>
    public required DomainConnectionInfo Domain { get; init; }

    /// <summary>Where new groups go (<c>Writeback:DefaultTargetOu</c>).</summary>
    public required string TargetOu { get; init; }

    /// <summary>The OUs the agent may write under; the target OU must lie inside one of them.</summary>
    public required IReadOnlyList<string> AgentScope { get; init; }

    /// <summary>The account the agent binds as (DN) and its password.</summary>
    public required string AgentBindDn { get; init; }

    /// <summary>The agent account's password.</summary>
    public required string AgentBindPassword { get; init; }

    /// <summary>The emulator's tenant file (absolute), or none for an empty tenant.</summary>
    public string? TenantFile { get; init; }

    /// <summary>Further local host settings (<c>Writeback:ResultTimeout</c>, …), applied last.</summary>
    public IReadOnlyDictionary<string, string> HostSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Further agent settings (<c>EmbeddedQueue:LockDuration</c>, …), applied last.</summary>
    public IReadOnlyDictionary<string, string> AgentExtraSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>The admin API's base address.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    /// <summary>The SQLite queue file both processes share.</summary>
    public string QueuePath => Path.Combine(StateDirectory, "queue.db");

    /// <summary>The local host's audit trail (SQLite).</summary>
    public string AuditPath => Path.Combine(StateDirectory, "audit.db");

    /// <summary>The local host's settings, as <c>--settings</c> reads them.</summary>
    public IEnumerable<KeyValuePair<string, string>> LocalHostSettings()
    {
        var settings = new Dictionary<string, string>
        {
            ["LocalHost:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LocalHost:ApiKey"] = ApiKey,
            ["LocalHost:EmulateGraph"] = "true",
            ["Writeback:DefaultTargetOu"] = TargetOu,
            ["EmbeddedQueue:Path"] = QueuePath,
            ["Audit:Path"] = AuditPath,
        };
        if (TenantFile is not null)
        {
            settings["GraphEmulator:TenantFile"] = TenantFile;
        }

        foreach (var (key, value) in HostSettings)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The agent's settings: LDAPS to the DC as the agent account, the scope, the shared queue.</summary>
    public IEnumerable<KeyValuePair<string, string>> AgentSettings()
    {
        var settings = new Dictionary<string, string>
        {
            ["Directory:Server"] = Domain.Server,
            ["Directory:Port"] = Domain.LdapsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Directory:UseTls"] = "true",
            ["Directory:AuthType"] = "Basic",
            ["Directory:BindUser"] = AgentBindDn,
            ["Directory:BindPassword"] = AgentBindPassword,
            ["Directory:TrustedCertificatesDirectory"] = Domain.TrustedCertificatesDirectory,
            ["Directory:DomainDn"] = Domain.DomainDn,
            ["Agent:AgentId"] = "local-agent",
            ["Agent:StateDirectory"] = Path.Combine(StateDirectory, "agent-state"),
            ["Agent:SessionWait"] = "00:00:01",
            ["EmbeddedQueue:Path"] = QueuePath,
        };
        for (var i = 0; i < AgentScope.Count; i++)
        {
            settings[$"Directory:TargetOus:{i}"] = AgentScope[i];
        }

        foreach (var (key, value) in AgentExtraSettings)
        {
            settings[key] = value;
        }

        return settings;
    }
}
