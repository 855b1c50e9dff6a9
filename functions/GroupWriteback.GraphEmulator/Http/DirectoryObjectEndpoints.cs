using System.Text.Json.Nodes;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Querying;
using GroupWriteback.GraphEmulator.Serialization;

namespace GroupWriteback.GraphEmulator.Http;

/// <summary>
/// <c>POST directoryObjects/getByIds</c>: up to 1,000 ids, optionally limited to <c>types</c> (user, group);
/// unknown ids are left out, <c>$select</c> is honoured as v1.0 does.
/// </summary>
internal static class DirectoryObjectEndpoints
{
    public const int MaxIds = 1000;

    public static void MapDirectoryObjectEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/directoryObjects/getByIds", async (HttpRequest request, EmulatedTenant tenant) =>
        {
            var select = PropertySelection.Parse(request.Query["$select"]);
            var body = await RequestBody.ReadObjectAsync(request);
            var ids = RequestBody.Strings(body, "ids") ?? throw new InvalidRequestException("A value is required for parameter 'ids'.");
            if (ids.Count > MaxIds)
            {
                throw new InvalidRequestException($"Too many ids: at most {MaxIds} can be requested at once, got {ids.Count}.");
            }

            var kinds = Kinds(RequestBody.Strings(body, "types"));
            var value = new JsonArray();
            foreach (var id in ids.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (tenant.KindOf(id) is { } kind && kinds.Contains(kind)
                    && GraphJson.DirectoryObject(tenant, new DirectoryObjectRef(id, kind), select) is { } json)
                {
                    value.Add(json);
                }
            }

            return new GraphJsonResult(new JsonObject
            {
                ["@odata.context"] = GraphLinks.Context(request, "directoryObjects"),
                ["value"] = value,
            });
        });
    }

    private static HashSet<DirectoryObjectKind> Kinds(IReadOnlyList<string>? types)
    {
        if (types is null || types.Count == 0 || types.Any(t => Is(t, "directoryObject")))
        {
            return [DirectoryObjectKind.User, DirectoryObjectKind.Group];
        }

        var kinds = new HashSet<DirectoryObjectKind>();
        foreach (var type in types)
        {
            if (Is(type, "user"))
            {
                kinds.Add(DirectoryObjectKind.User);
            }
            else if (Is(type, "group"))
            {
                kinds.Add(DirectoryObjectKind.Group);
            }
        }

        return kinds;
    }

    private static bool Is(string type, string name) =>
        string.Equals(type, name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(type, "microsoft.graph." + name, StringComparison.OrdinalIgnoreCase);
}
