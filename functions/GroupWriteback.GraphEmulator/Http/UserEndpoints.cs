using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Querying;
using GroupWriteback.GraphEmulator.Serialization;
using Microsoft.Extensions.Options;

namespace GroupWriteback.GraphEmulator.Http;

/// <summary><c>users</c>: list, get, create, update, delete (a deleted user leaves every group).</summary>
internal static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/users", (HttpRequest request, EmulatedTenant tenant, IOptions<GraphEmulatorOptions> options) =>
        {
            var query = ODataQuery.From(request);
            if (query.Filter is not null)
            {
                throw new UnsupportedQueryException("$filter on users is not supported by this emulator.");
            }

            return CollectionPage.Create(request, query, tenant.ListUsers(), u => GraphJson.User(u, query.Select), "users", options.Value.ListPageSize);
        });

        routes.MapGet("/users/{id}", (string id, HttpRequest request, EmulatedTenant tenant) =>
        {
            var query = ODataQuery.From(request);
            var user = tenant.FindUser(id) ?? tenant.ListUsers().FirstOrDefault(u => string.Equals(u.UserPrincipalName, id, StringComparison.OrdinalIgnoreCase));
            return user is null
                ? (IResult)GraphErrorResult.NotFound(id)
                : GraphJsonResult.Entity(request, "users/$entity", GraphJson.User(user, query.Select));
        });

        routes.MapPost("/users", async (HttpRequest request, EmulatedTenant tenant) =>
        {
            var id = tenant.AddUser(UserBodies.ToDraft(await RequestBody.ReadObjectAsync(request)));
            return GraphJsonResult.Entity(request, "users/$entity", GraphJson.User(tenant.FindUser(id)!, PropertySelection.Default), StatusCodes.Status201Created);
        });

        routes.MapPatch("/users/{id}", async (string id, HttpRequest request, EmulatedTenant tenant) =>
        {
            tenant.UpdateUser(id, UserBodies.ToUpdate(await RequestBody.ReadObjectAsync(request)));
            return Results.NoContent();
        });

        routes.MapDelete("/users/{id}", (string id, EmulatedTenant tenant) =>
        {
            tenant.DeleteUser(id);
            return Results.NoContent();
        });
    }
}
