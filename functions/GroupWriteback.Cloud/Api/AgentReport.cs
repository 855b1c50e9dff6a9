using System.Globalization;
using GroupWriteback.Cloud.Agents;

namespace GroupWriteback.Cloud.Api;

/// <summary>
/// One agent in <c>GET /api/status</c>: what its newest heartbeat said, and whether it has gone silent
/// (<see cref="State"/> <c>active</c> or <c>silent</c>; <see cref="Detail"/> "silent for N min").
/// </summary>
public sealed record AgentReport(
    string AgentId,
    string Host,
    string Version,
    DateTimeOffset LastSeen,
    string State,
    bool Silent,
    string? Detail,
    int OpenSessions,
    int InFlightCommands,
    string? LastError,
    DateTimeOffset? LastErrorAt)
{
    /// <summary>The report of <paramref name="agent"/> at <paramref name="now"/>.</summary>
    public static AgentReport From(AgentSeen agent, DateTimeOffset now, TimeSpan silentAfter)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var quiet = now - agent.LastSeen;
        var silent = quiet > silentAfter;
        var detail = silent ? string.Create(CultureInfo.InvariantCulture, $"silent for {(int)quiet.TotalMinutes} min") : null;
        return new AgentReport(
            agent.AgentId, agent.Host, agent.Version, agent.LastSeen, silent ? "silent" : "active", silent, detail,
            agent.OpenSessions, agent.InFlightCommands, agent.LastError, agent.LastErrorAt);
    }
}
