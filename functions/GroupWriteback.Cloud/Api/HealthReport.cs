namespace GroupWriteback.Cloud.Api;

/// <summary>Answer of <c>GET /api/health</c>: the process is up.</summary>
public sealed record HealthReport(string Status, string Version, DateTimeOffset Time);
