using System.ComponentModel.DataAnnotations;

namespace GroupWriteback.Agent.Configuration;

/// <summary>The agent itself. Section "Agent".</summary>
internal sealed class AgentOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Agent";

    /// <summary>Name reported in results and health (defaults to the machine name).</summary>
    [Required]
    public string AgentId { get; set; } = Environment.MachineName;

    /// <summary>Where the agent keeps membership snapshot chunks until a snapshot is complete.</summary>
    [Required]
    public string StateDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "state");

    /// <summary>Deliveries of one message before a transient failure is given up and dead-lettered.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long to wait for a session with work before polling again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SessionWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a drained session waits for its group's next message before it is released. A pass queues its
    /// commands moments apart, so a longer wait only holds a connection idle that another group could use.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan SessionIdleWait { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Group sessions applied at once, each on its own LDAP connection. Order within a group is kept by its session;
    /// more than a few gain little, because the DC serialises its writes.
    /// </summary>
    [Range(1, 32)]
    public int MaxConcurrentSessions { get; set; } = 4;

    /// <summary>
    /// On stop (service stop, SIGTERM), how long the command being applied may run on before it is abandoned for
    /// redelivery. No new session or message is taken once the stop is asked for; commands are idempotent, so an
    /// abandoned one converges when it is delivered again. The host waits this long plus a few seconds to settle.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the agent sends a heartbeat (host, version, sessions, in-flight commands, last error) on the results queue.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Optional: a file the agent rewrites every second with its LDAP operation counts and command timings (the bench
    /// reads it). Unset, nothing is written.
    /// </summary>
    public string? OperationCountsFile { get; set; }
}
