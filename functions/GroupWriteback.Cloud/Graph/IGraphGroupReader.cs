namespace GroupWriteback.Cloud.Graph;

/// <summary>Reads groups, their changes and their members from Microsoft Graph.</summary>
public interface IGraphGroupReader
{
    /// <summary>Reads one page of <c>groups/delta</c>; a null link starts the initial round.</summary>
    /// <exception cref="DeltaTokenExpiredException">The link has expired (410 Gone).</exception>
    Task<DeltaPage> ReadDeltaPageAsync(string? link, CancellationToken ct);

    /// <summary>Gets a delta link for "now" (<c>$deltatoken=latest</c>) without reading existing groups.</summary>
    Task<string> GetLatestDeltaLinkAsync(CancellationToken ct);

    /// <summary>Gets one group; null when it does not exist (404).</summary>
    Task<CloudGroup?> GetGroupAsync(string groupId, CancellationToken ct);

    /// <summary>Reads one page of a group's direct members; a null link reads the first page.</summary>
    Task<MemberPage> GetMembersPageAsync(string groupId, string? nextLink, CancellationToken ct);

    /// <summary>Resolves directory objects by id (<c>directoryObjects/getByIds</c>, up to 1,000 per call); unknown ids are left out.</summary>
    Task<IReadOnlyList<CloudMember>> GetMembersByIdsAsync(IReadOnlyList<string> ids, CancellationToken ct);

    /// <summary>Reads one page of groups matching the query; a null link reads the first page.</summary>
    Task<GroupPage> ListGroupsPageAsync(GroupQuery query, string? nextLink, CancellationToken ct);

    /// <summary>Whether the group is a direct or nested member of the scoping group.</summary>
    Task<bool> IsTransitiveMemberAsync(string groupId, string scopingGroupId, CancellationToken ct);
}
