using System.ComponentModel.DataAnnotations;

namespace GroupWriteback.Cloud.Configuration;

/// <summary>How <c>GET /api/status</c> judges the agents' heartbeats. Section "Agents".</summary>
internal sealed class AgentsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Agents";

    /// <summary>
    /// An agent whose newest heartbeat is older than this is shown <c>silent</c>. Agents send one every
    /// 30 s by default, so the default of 5 min is ten missed heartbeats.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan SilentAfter { get; set; } = TimeSpan.FromMinutes(5);
}
