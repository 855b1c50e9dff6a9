using System.ComponentModel.DataAnnotations;

namespace GroupWriteback.Cloud.Audit;

/// <summary>Settings of the audit trail (section "Audit"), whatever the store.</summary>
public sealed class AuditOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Audit";

    /// <summary>How long an entry is kept; older ones are pruned.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often the local host prunes (the Functions app prunes on its own timer).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The SQLite file of <see cref="SqliteAuditStore"/> (single-process hosts); unused by other stores.</summary>
    public string? Path { get; set; }
}
