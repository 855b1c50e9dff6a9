using GroupWriteback.GraphEmulator.Model;

namespace GroupWriteback.GraphEmulator.Hosting;

/// <summary>
/// <c>/emulator</c>: the control operations over HTTP, for the standalone emulator and the demo. No bearer token
/// is needed; the emulator listens on loopback unless told otherwise.
/// </summary>
internal static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/reset", async (HttpRequest request, GraphEmulatorControl control) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
            body.Position = 0;
            control.Reset(body.Length == 0 ? null : TenantFile.ReadDocument(body, "request body"));
            return Results.NoContent();
        });

        routes.MapGet("/tenant", (GraphEmulatorControl control) => Results.Stream(
            stream => TenantFile.WriteAsync(control.Tenant.Export(), stream), "application/json"));

        routes.MapPost("/faults", (FaultRequest fault, GraphEmulatorControl control) =>
        {
            control.InjectFault(fault.Path, fault.StatusCode, fault.RetryAfterSeconds, fault.Count);
            return Results.NoContent();
        });

        routes.MapPost("/latency", (LatencyRequest latency, GraphEmulatorControl control) =>
        {
            if (latency.Milliseconds is < 0 or > 60_000)
            {
                return Results.BadRequest("milliseconds must be 0 to 60000");
            }

            control.Faults.Latency = TimeSpan.FromMilliseconds(latency.Milliseconds);
            return Results.NoContent();
        });

        routes.MapDelete("/faults", (GraphEmulatorControl control) =>
        {
            control.Faults.Clear();
            return Results.NoContent();
        });

        routes.MapPost("/delta/expire", (GraphEmulatorControl control) =>
        {
            control.ExpireDeltaTokens();
            return Results.NoContent();
        });

        routes.MapGet("/requests", (GraphEmulatorControl control) =>
            Results.Json(control.Requests.ToList(), AdminJsonContext.Default.IReadOnlyListRecordedRequest));

        routes.MapDelete("/requests", (GraphEmulatorControl control) =>
        {
            control.Requests.Clear();
            return Results.NoContent();
        });

        routes.MapPost("/groups/{id}/members", (string id, MembersChangeRequest change, GraphEmulatorControl control) =>
        {
            var (added, removed) = control.Tenant.ChangeMembers(id, change.Add ?? [], change.Remove ?? []);
            return Results.Json(new MembersChangeResult(added, removed), AdminJsonContext.Default.MembersChangeResult);
        });

        routes.MapGet("/deliveries", (GraphEmulatorControl control) =>
            Results.Json(control.Deliveries.ToList(), AdminJsonContext.Default.IReadOnlyListNotificationDelivery));

        routes.MapPost("/subscriptions/{id}/lifecycle", async (string id, LifecycleRequest body, GraphEmulatorControl control, CancellationToken ct) =>
            Results.Json(new LifecycleResult(await control.SendLifecycleEventAsync(id, body.LifecycleEvent, ct)), AdminJsonContext.Default.LifecycleResult));
    }
}
