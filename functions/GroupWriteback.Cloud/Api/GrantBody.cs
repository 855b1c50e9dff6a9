namespace GroupWriteback.Cloud.Api;

/// <summary>
/// Body of <c>POST /api/grant</c>: the account (DN or SID), the scope ("organizationalUnit" with
/// <see cref="TargetOu"/>, or "domainRoots"), and whether AdminSDHolder is skipped.
/// </summary>
public sealed record GrantBody(string? Account, string? Scope, string? TargetOu, bool SkipAdminSdHolder);
