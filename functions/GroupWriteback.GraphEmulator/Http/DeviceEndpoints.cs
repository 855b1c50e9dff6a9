using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Querying;
using GroupWriteback.GraphEmulator.Serialization;

namespace GroupWriteback.GraphEmulator.Http;

/// <summary>
/// <c>devices</c>: create and get, enough for devices to join groups (<c>members/$ref</c> with
/// <c>directoryObjects/{id}</c>) and appear in <c>members@delta</c> as <c>#microsoft.graph.device</c>.
/// </summary>
internal static class DeviceEndpoints
{
    public static void MapDeviceEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/devices/{id}", (string id, HttpRequest request, EmulatedTenant tenant) =>
        {
            var query = ODataQuery.From(request);
            return tenant.FindDevice(id) is { } device
                ? GraphJsonResult.Entity(request, "devices/$entity", GraphJson.Device(device, query.Select))
                : (IResult)GraphErrorResult.NotFound(id);
        });

        routes.MapPost("/devices", async (HttpRequest request, EmulatedTenant tenant) =>
        {
            var body = await RequestBody.ReadObjectAsync(request);
            var displayName = RequestBody.String(body, "displayName")
                ?? throw new InvalidRequestException("A value is required for property 'displayName' of resource 'Device'.");
            var id = tenant.AddDevice(displayName);
            return GraphJsonResult.Entity(request, "devices/$entity", GraphJson.Device(tenant.FindDevice(id)!, PropertySelection.Default), StatusCodes.Status201Created);
        });
    }
}
