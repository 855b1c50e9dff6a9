using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph.DirectoryObjects.GetByIds;
using Microsoft.Graph.Groups.Item.CheckMemberGroups;
using Microsoft.Graph.Models;

namespace GroupWriteback.Cloud.Graph;

/// <summary>
/// <see cref="IGraphGroupReader"/> over the Microsoft Graph SDK. Throttling (429/503/504 with Retry-After) is waited
/// out by the SDK's retry handler within <see cref="GraphOptions.MaxRetries"/> and <see cref="GraphOptions.MaxRetryWait"/>;
/// <see cref="GraphCall"/> turns what is left into <see cref="GraphRequestException"/> or, for 410 Gone,
/// <see cref="DeltaTokenExpiredException"/>.
/// </summary>
internal sealed class GraphGroupReader : IGraphGroupReader
{
    /// <summary>Graph's limit of ids per <c>directoryObjects/getByIds</c> call.</summary>
    public const int GetByIdsLimit = 1000;

    /// <summary>Graph's limit of values in one <c>$filter=id in (…)</c>.</summary>
    public const int IdsPerFilter = 15;

    private static readonly string[] MemberTypes = ["user", "group"];

    private readonly GraphClients _clients;
    private readonly GraphOptions _options;
    private readonly GraphCall _call;
    private readonly ILogger _logger;

    public GraphGroupReader(GraphClients clients, IOptions<GraphOptions> options, ILogger<GraphGroupReader> logger)
    {
        this._clients = clients;
        this._options = options.Value;
        this._logger = logger;
        _call = new GraphCall(logger);
    }

    public async Task<DeltaPage> ReadDeltaPageAsync(string? link, CancellationToken ct)
    {
        var delta = _clients.Groups.Groups.Delta;
        var response = link is null
            ? await _call.RunAsync("GET groups/delta", t => delta.GetAsDeltaGetResponseAsync(r => r.QueryParameters.Select = GraphSelections.Delta(_options), t), ct)
            : await _call.RunAsync("GET groups/delta (link)", t => delta.WithUrl(ServiceLink(link, "GET groups/delta (link)")).GetAsDeltaGetResponseAsync(cancellationToken: t), ct);
        var page = new DeltaPage
        {
            Changes = DeltaPageMerger.Merge(response?.Value),
            NextLink = response?.OdataNextLink,
            DeltaLink = response?.OdataDeltaLink,
        };
        if (page.NextLink is null && page.DeltaLink is null)
        {
            throw new GraphRequestException("GET groups/delta", 200, isTransient: true, "the page carries neither a nextLink nor a deltaLink", null);
        }

        Log.DeltaPageRead(_logger, page.Changes.Count, page.NextLink is not null, page.DeltaLink is not null);
        var (skipped, groups) = (0, 0);
        foreach (var change in page.Changes.Where(c => c.SkippedMemberChanges > 0))
        {
            (skipped, groups) = (skipped + change.SkippedMemberChanges, groups + 1);
        }

        if (skipped > 0)
        {
            Log.MemberChangesSkippedByType(_logger, skipped, groups);
        }

        return page;
    }

    public async Task<string> GetLatestDeltaLinkAsync(CancellationToken ct)
    {
        const string request = "GET groups/delta?$deltatoken=latest";
        var url = $"{_clients.GroupRoot}/groups/delta?$select={string.Join(',', GraphSelections.Delta(_options))}&$deltatoken=latest";
        var response = await _call.RunAsync(request, t => _clients.Groups.Groups.Delta.WithUrl(url).GetAsDeltaGetResponseAsync(cancellationToken: t), ct);
        return response?.OdataDeltaLink
            ?? throw new GraphRequestException(request, 200, isTransient: true, "the answer carries no deltaLink", null);
    }

    public async Task<CloudGroup?> GetGroupAsync(string groupId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        var group = await _call.RunOrNotFoundAsync(
            $"GET groups/{groupId}",
            t => _clients.Groups.Groups[groupId].GetAsync(r => r.QueryParameters.Select = GraphSelections.Group(_options), t),
            ct);
        return group is null ? null : CloudGroupMapper.Map(group);
    }

    public async Task<MemberPage> GetMembersPageAsync(string groupId, string? nextLink, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        var request = $"GET groups/{groupId}/members";
        var members = _clients.Service.Groups[groupId].Members;
        var response = nextLink is null
            ? await _call.RunAsync(request, t => members.GetAsync(
                r =>
                {
                    r.QueryParameters.Select = GraphSelections.Member;
                    r.QueryParameters.Top = _options.PageSize;
                },
                t), ct)
            : await _call.RunAsync(request, t => members.WithUrl(ServiceLink(nextLink, request)).GetAsync(cancellationToken: t), ct);
        return new MemberPage
        {
            Members = response?.Value?.Select(CloudMemberMapper.Map).ToArray() ?? [],
            NextLink = response?.OdataNextLink,
        };
    }

    public async Task<IReadOnlyList<CloudMember>> GetMembersByIdsAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var url = $"{_clients.ServiceRoot}/directoryObjects/getByIds?$select={string.Join(',', GraphSelections.Member)}";
        var found = new Dictionary<string, CloudMember>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in ids.Distinct(StringComparer.OrdinalIgnoreCase).Chunk(GetByIdsLimit))
        {
            var body = new GetByIdsPostRequestBody { Ids = [.. chunk], Types = [.. MemberTypes] };
            var response = await _call.RunAsync(
                $"POST directoryObjects/getByIds ({chunk.Length} ids)",
                t => _clients.Service.DirectoryObjects.GetByIds.WithUrl(url).PostAsGetByIdsPostResponseAsync(body, cancellationToken: t),
                ct);
            foreach (var member in response?.Value?.Select(CloudMemberMapper.Map) ?? [])
            {
                found[member.Id] = member;
            }
        }

        return [.. found.Values];
    }

    public async Task<GroupPage> ListGroupsPageAsync(GroupQuery query, string? nextLink, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        const string request = "GET groups";
        var groups = _clients.Groups.Groups;
        if (nextLink is not null)
        {
            var next = await _call.RunAsync(request, t => groups.WithUrl(ServiceLink(nextLink, request)).GetAsync(cancellationToken: t), ct);
            return ToPage(next);
        }

        if (query.Ids is null)
        {
            return ToPage(await _call.RunAsync(request, t => groups.GetAsync(r => Configure(r.QueryParameters, query.Filter), t), ct));
        }

        // Graph caps "id in (…)" at 15 values, so explicit ids are read in chunks and returned as one page.
        var found = new List<CloudGroup>();
        foreach (var chunk in query.Ids.Distinct(StringComparer.OrdinalIgnoreCase).Chunk(IdsPerFilter))
        {
            var filter = GroupFilters.WithIds(query.Filter, chunk);
            string? link = null;
            do
            {
                var page = link is null
                    ? await _call.RunAsync(request, t => groups.GetAsync(r => Configure(r.QueryParameters, filter), t), ct)
                    : await _call.RunAsync(request, t => groups.WithUrl(ServiceLink(link, request)).GetAsync(cancellationToken: t), ct);
                found.AddRange(ToPage(page).Groups);
                link = page?.OdataNextLink;
            }
            while (link is not null);
        }

        return new GroupPage { Groups = found };
    }

    public async Task<bool> IsTransitiveMemberAsync(string groupId, string scopingGroupId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        ArgumentException.ThrowIfNullOrEmpty(scopingGroupId);
        var body = new CheckMemberGroupsPostRequestBody { GroupIds = [scopingGroupId] };
        var response = await _call.RunAsync(
            $"POST groups/{groupId}/checkMemberGroups",
            t => _clients.Service.Groups[groupId].CheckMemberGroups.PostAsCheckMemberGroupsPostResponseAsync(body, cancellationToken: t),
            ct);
        return response?.Value?.Contains(scopingGroupId, StringComparer.OrdinalIgnoreCase) ?? false;
    }

    private void Configure(Microsoft.Graph.Groups.GroupsRequestBuilder.GroupsRequestBuilderGetQueryParameters parameters, string? filter)
    {
        parameters.Select = GraphSelections.Group(_options);
        parameters.Filter = filter;
        parameters.Top = _options.PageSize;
    }

    private static GroupPage ToPage(GroupCollectionResponse? response) => new()
    {
        Groups = response?.Value?.Select(CloudGroupMapper.Map).ToArray() ?? [],
        NextLink = response?.OdataNextLink,
    };

    private string ServiceLink(string link, string request) =>
        _clients.IsServiceLink(link)
            ? link
            : throw new GraphRequestException(request, statusCode: null, isTransient: false, "the link does not point at the configured Graph service root; it is not followed", null);
}
