using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Querying;
using GroupWriteback.GraphEmulator.Serialization;
using Microsoft.Extensions.Options;

namespace GroupWriteback.GraphEmulator.Http;

/// <summary><c>groups</c>: list, get, create, update, delete.</summary>
internal static class GroupEndpoints
{
    public static void MapGroupEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/groups", (HttpRequest request, EmulatedTenant tenant, IOptions<GraphEmulatorOptions> options) =>
        {
            var query = ODataQuery.From(request);
            GraphVersion.EnsureGroupSelectable(request, query.Select);
            var matches = GroupFilter.Parse(query.Filter);
            var groups = tenant.ListGroups().Where(matches).ToList();
            return CollectionPage.Create(request, query, groups, g => GraphJson.Group(g, query.Select), "groups", options.Value.ListPageSize);
        });

        routes.MapGet("/groups/{id}", (string id, HttpRequest request, EmulatedTenant tenant) =>
        {
            var query = ODataQuery.From(request);
            GraphVersion.EnsureGroupSelectable(request, query.Select);
            return tenant.FindGroup(id) is { } group
                ? (IResult)GraphJsonResult.Entity(request, "groups/$entity", GraphJson.Group(group, query.Select))
                : GraphErrorResult.NotFound(id);
        });

        routes.MapPost("/groups", async (HttpRequest request, EmulatedTenant tenant) =>
        {
            var draft = GroupBodies.ToDraft(await RequestBody.ReadObjectAsync(request), GraphVersion.HasWritebackConfiguration(request));
            var id = tenant.CreateGroup(draft);
            var created = GraphJson.Group(tenant.FindGroup(id)!, PropertySelection.Default);
            return GraphJsonResult.Entity(request, "groups/$entity", created, StatusCodes.Status201Created);
        });

        routes.MapPatch("/groups/{id}", async (string id, HttpRequest request, EmulatedTenant tenant) =>
        {
            var update = GroupBodies.ToUpdate(await RequestBody.ReadObjectAsync(request), GraphVersion.HasWritebackConfiguration(request));
            tenant.UpdateGroup(id, update);
            return Results.NoContent();
        });

        routes.MapDelete("/groups/{id}", (string id, EmulatedTenant tenant) =>
        {
            tenant.DeleteGroup(id);
            return Results.NoContent();
        });
    }
}
