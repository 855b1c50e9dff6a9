using System.ComponentModel.DataAnnotations;

namespace GroupWriteback.LocalHost.Hosting;

/// <summary>Settings of the local host (section "LocalHost").</summary>
internal sealed class LocalHostOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "LocalHost";

    /// <summary>Who callers with the admin key are, unless <c>AdminAuth:KeyName</c> says otherwise.</summary>
    public const string DefaultKeyName = "local administrator (key)";

    /// <summary>Shortest accepted admin key.</summary>
    public const int MinApiKeyLength = 16;

    /// <summary>Loopback port of the admin API, the Graph webhook and the embedded Graph emulator.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 7071;

    /// <summary>The admin key: header <c>x-functions-key</c> or query <c>code</c>, as a Functions key is passed.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Serve the Graph emulator under <c>/v1.0</c>, <c>/beta</c> and <c>/emulator</c>, and point Graph access at it.</summary>
    public bool EmulateGraph { get; set; } = true;

    /// <summary>How often the delta workflow is signalled without a notification (the safety net).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DeltaPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Pause between drains of the results queue when it was empty.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ResultsDrainInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often the change-notification subscription is checked and renewed.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan SubscriptionCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Orchestration and activity work items processed at once by the in-memory task hub.</summary>
    [Range(1, 10000)]
    public int DurableConcurrency { get; set; } = 256;
}
