using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Querying;
using GroupWriteback.GraphEmulator.Serialization;
using Microsoft.Extensions.Options;

namespace GroupWriteback.GraphEmulator.Http;

/// <summary><c>/v1.0/groups</c>: list, get, create, update, delete.</summary>
internal static class GroupEndpoints
{
    public static void MapGroupEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1.0/groups", (HttpRequest request, EmulatedTenant tenant, IOptions<GraphEmulatorOptions> options) =>
        {
            var query = ODataQuery.From(request);
            var matches = GroupFilter.Parse(query.Filter);
            var groups = tenant.ListGroups().Where(matches).ToList();
            return CollectionPage.Create(request, query, groups, g => GraphJson.Group(g, query.Select), "groups", options.Value.ListPageSize);
        });

        routes.MapGet("/v1.0/groups/{id}", (string id, HttpRequest request, EmulatedTenant tenant) =>
        {
            var query = ODataQuery.From(request);
            return tenant.FindGroup(id) is { } group
                ? (IResult)new GraphJsonResult(WithContext(request, GraphJson.Group(group, query.Select)))
                : GraphErrorResult.NotFound(id);
        });

        routes.MapPost("/v1.0/groups", async (HttpRequest request, EmulatedTenant tenant) =>
        {
            var draft = GroupBodies.ToDraft(await RequestBody.ReadObjectAsync(request));
            var id = tenant.CreateGroup(draft);
            var created = WithContext(request, GraphJson.Group(tenant.FindGroup(id)!, PropertySelection.Default));
            return new GraphJsonResult(created, StatusCodes.Status201Created);
        });

        routes.MapPatch("/v1.0/groups/{id}", async (string id, HttpRequest request, EmulatedTenant tenant) =>
        {
            tenant.UpdateGroup(id, GroupBodies.ToUpdate(await RequestBody.ReadObjectAsync(request)));
            return Results.NoContent();
        });

        routes.MapDelete("/v1.0/groups/{id}", (string id, EmulatedTenant tenant) =>
        {
            tenant.DeleteGroup(id);
            return Results.NoContent();
        });
    }

    private static System.Text.Json.Nodes.JsonObject WithContext(HttpRequest request, System.Text.Json.Nodes.JsonObject entity)
    {
        var json = new System.Text.Json.Nodes.JsonObject { ["@odata.context"] = GraphLinks.Context(request, "groups/$entity") };
        foreach (var property in entity.ToList())
        {
            entity.Remove(property.Key);
            json[property.Key] = property.Value;
        }

        return json;
    }
}
