using System.Text.Json.Nodes;
using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Serialization;
using Microsoft.Extensions.Options;

namespace GroupWriteback.GraphEmulator.Http;

/// <summary>
/// Group membership: direct and transitive member lists (paged, <c>$select</c>, each entry typed by
/// <c>@odata.type</c>), <c>members/$ref</c> add and remove, and <c>checkMemberGroups</c>.
/// </summary>
internal static class MemberEndpoints
{
    /// <summary>Graph accepts at most this many ids in one <c>checkMemberGroups</c> call.</summary>
    public const int MaxCheckedGroups = 20;

    public static void MapMemberEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/groups/{id}/members", (string id, HttpRequest request, EmulatedTenant tenant, IOptions<GraphEmulatorOptions> options) =>
            MemberPage(request, tenant, tenant.ListMembers(id), options.Value));

        routes.MapGet("/groups/{id}/transitiveMembers", (string id, HttpRequest request, EmulatedTenant tenant, IOptions<GraphEmulatorOptions> options) =>
            MemberPage(request, tenant, tenant.ListTransitiveMembers(id), options.Value));

        routes.MapPost("/groups/{id}/members/$ref", async (string id, HttpRequest request, EmulatedTenant tenant) =>
        {
            var body = await RequestBody.ReadObjectAsync(request);
            var reference = RequestBody.String(body, "@odata.id")
                ?? throw new InvalidRequestException("A value is required for property '@odata.id'.");
            tenant.AddMember(id, GroupBodies.ReferencedId(reference));
            return Results.NoContent();
        });

        routes.MapDelete("/groups/{id}/members/{memberId}/$ref", (string id, string memberId, EmulatedTenant tenant) =>
        {
            tenant.RemoveMember(id, memberId);
            return Results.NoContent();
        });

        routes.MapPost("/groups/{id}/checkMemberGroups", async (string id, HttpRequest request, EmulatedTenant tenant) =>
        {
            if (tenant.KindOf(id) is null)
            {
                return GraphErrorResult.NotFound(id);
            }

            var candidates = RequestBody.Strings(await RequestBody.ReadObjectAsync(request), "groupIds")
                ?? throw new InvalidRequestException("A value is required for parameter 'groupIds'.");
            if (candidates.Count > MaxCheckedGroups)
            {
                throw new InvalidRequestException($"At most {MaxCheckedGroups} group ids can be checked in one request.");
            }

            var memberOf = candidates
                .Where(g => tenant.FindGroup(g) is not null && tenant.ListTransitiveMembers(g).Any(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase)))
                .Select(g => (JsonNode)JsonValue.Create(g));
            var body = new JsonObject
            {
                ["@odata.context"] = GraphLinks.Context(request, "Collection(Edm.String)"),
                ["value"] = new JsonArray([.. memberOf]),
            };
            return (IResult)new GraphJsonResult(body);
        });
    }

    private static GraphJsonResult MemberPage(HttpRequest request, EmulatedTenant tenant, IReadOnlyList<DirectoryObjectRef> members, GraphEmulatorOptions options)
    {
        var query = ODataQuery.From(request);
        return CollectionPage.Create(
            request, query, members, m => GraphJson.DirectoryObject(tenant, m, query.Select), "directoryObjects", options.ListPageSize);
    }
}
