namespace GroupWriteback.Cloud.Api.Access;

/// <summary>Answer of <c>GET /api/me</c>: who the API takes the caller for, and what it may do.</summary>
/// <param name="Id">Entra object id, or <c>key:&lt;name&gt;</c>.</param>
/// <param name="Name">Sign-in name, or the key callers' configured name.</param>
/// <param name="Roles">The admin API roles held.</param>
/// <param name="Authentication">"key" or "entra".</param>
public sealed record MeReport(string Id, string Name, IReadOnlyList<string> Roles, AdminAuthentication Authentication);
