using System.ComponentModel.DataAnnotations;

namespace GroupWriteback.GraphEmulator.Hosting;

/// <summary>Settings of the Graph emulator (section "GraphEmulator").</summary>
public sealed class GraphEmulatorOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "GraphEmulator";

    /// <summary>Tenant file loaded at start and by an empty <c>POST /emulator/reset</c>; none starts an empty tenant.</summary>
    public string? TenantFile { get; set; }

    /// <summary>Page size of collection reads when the request gives no <c>$top</c>.</summary>
    [Range(1, 999)]
    public int ListPageSize { get; set; } = 100;

    /// <summary>Entries per <c>groups/delta</c> page.</summary>
    [Range(1, 1000)]
    public int DeltaPageSize { get; set; } = 100;

    /// <summary>Members per <c>members@delta</c> array; a longer list is split over several entries of the group.</summary>
    [Range(1, 10000)]
    public int DeltaMembersPerEntry { get; set; } = 500;

    /// <summary>How long a deltaLink stays valid (Graph: seven days for directory objects); older ones answer 400 syncStateNotFound, as Graph does.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan DeltaTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a notification endpoint has to answer the validation request (Graph: 10 seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ValidationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per notification batch before it is dropped.</summary>
    [Range(1, 10)]
    public int NotificationAttempts { get; set; } = 4;

    /// <summary>Wait before the first retry of a failed delivery; doubles with every further attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan NotificationRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Changes within this window after the first are sent together, one POST per subscription.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan NotificationBatchWindow { get; set; } = TimeSpan.FromMilliseconds(50);
}
