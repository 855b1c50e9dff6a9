using GroupWriteback.Cloud.Audit;

namespace GroupWriteback.Cloud.Api;

/// <summary>Answer of <c>GET /api/audit</c>: the entries, newest first, and the limit applied.</summary>
public sealed record AuditList(IReadOnlyList<AuditEntry> Entries, int Limit);
