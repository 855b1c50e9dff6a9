using System.Text;
using GroupWriteback.Cloud.AdminConsole;
using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Cloud.Graph.Notifications;
using GroupWriteback.Cloud.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace GroupWriteback.Cloud.Api;

/// <summary>
/// The admin API and the Graph webhook: the one route table both hosts serve. The local host maps it as it
/// is; the Functions app declares one HTTP trigger per entry (its source generator needs a method with
/// attributes each), and a test holds those triggers to this table. Each route names the app role it needs
/// (<see cref="AdminRoles"/>): reads need Read, actions Operate, decisions on deletes Approve.
/// </summary>
public static class AdminRoutes
{
    /// <summary>Every route, in the order the hosts list them.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new("StartFullSync", "POST", "sync", (s, r) => s.GetRequiredService<SyncHandler>().StartFullSyncAsync(r.Aborted)) { Role = AdminRoles.Operate },
        new("SyncGroup", "POST", "groups/{id}/sync", (s, r) => s.GetRequiredService<SyncHandler>().SyncGroupAsync(r.Route("id"), r.Aborted)) { Role = AdminRoles.Operate },
        new("GetStatus", "GET", "status", (s, r) => s.GetRequiredService<StatusHandler>().GetStatusAsync(r.Aborted)) { Role = AdminRoles.Read },
        new("ListGroups", "GET", "groups", (s, r) => s.GetRequiredService<GroupListHandler>().ListAsync(r.QueryString, r.Aborted)) { Role = AdminRoles.Read },
        new("GetGroup", "GET", "groups/{id}", (s, r) => s.GetRequiredService<StatusHandler>().GetGroupAsync(r.Route("id"), r.Aborted)) { Role = AdminRoles.Read },
        new("PlanGroup", "GET", "groups/{id}/plan", (s, r) => s.GetRequiredService<PlanHandler>().PlanGroupAsync(r.Route("id"), r.Aborted)) { Role = AdminRoles.Read },
        new("PlanTenant", "POST", "plan", async (s, r) => await s.GetRequiredService<PlanHandler>().PlanTenantAsync(await r.ReadBodyAsync(), r.Aborted)) { Role = AdminRoles.Read },
        new("DisableWriteback", "POST", "disable", (s, r) => s.GetRequiredService<DisableWritebackHandler>().StartAsync(r.Aborted)) { Role = AdminRoles.Operate },
        new("EnableWriteback", "POST", "writeback/enable", (s, r) => s.GetRequiredService<EnableWritebackHandler>().EnableAsync(r.Caller, r.Aborted)) { Role = AdminRoles.Operate },
        new("ListApprovals", "GET", "approvals", (s, r) => s.GetRequiredService<ApprovalHandler>().ListAsync(r.Aborted)) { Role = AdminRoles.Read },
        new("DecideApproval", "POST", "approvals/{instanceId}", async (s, r) =>
            await s.GetRequiredService<ApprovalHandler>().DecideAsync(r.Route("instanceId"), await r.ReadBodyAsync(), r.Caller, r.Aborted)) { Role = AdminRoles.Approve },
        new("GrantPermissions", "POST", "grant", async (s, r) => await s.GetRequiredService<GrantHandler>().StartAsync(await r.ReadBodyAsync(), r.Aborted)) { Role = AdminRoles.Operate },
        new("ListAudit", "GET", "audit", (s, r) => s.GetRequiredService<AuditHandler>().ListAsync(r.QueryString, r.Aborted)) { Role = AdminRoles.Read },
        new("ListDeadLetters", "GET", "dead-letters", (s, r) => s.GetRequiredService<DeadLetterHandler>().ListAsync(r.Aborted)) { Role = AdminRoles.Read },
        new("ResubmitDeadLetter", "POST", "dead-letters/{queue}/{id}/resubmit", (s, r) =>
            s.GetRequiredService<DeadLetterHandler>().ResubmitAsync(r.Route("queue"), r.Route("id"), r.Caller, r.Aborted)) { Role = AdminRoles.Operate },
        new("DiscardDeadLetter", "POST", "dead-letters/{queue}/{id}/discard", (s, r) =>
            s.GetRequiredService<DeadLetterHandler>().DiscardAsync(r.Route("queue"), r.Route("id"), r.Caller, r.Aborted)) { Role = AdminRoles.Operate },
        new("AdminConsole", "GET", "console/{*path}", (s, r) => Task.FromResult(s.GetRequiredService<ConsoleFiles>().Serve(r.Route("path")))) { Anonymous = true },
        new("Health", "GET", "health", (s, _) => Task.FromResult(s.GetRequiredService<HealthHandler>().Get())) { Role = AdminRoles.Read },
        new("Me", "GET", "me", (_, r) => Task.FromResult(MeHandler.Get(r.Caller))) { Role = ApiRoute.AnyRole },
        new("SignIn", "GET", "sign-in", (s, _) => Task.FromResult(s.GetRequiredService<SignInHandler>().Get())) { Anonymous = true },
        new("GraphNotifications", "POST", "graph/notifications", ReceiveNotificationAsync) { Anonymous = true },
    ];

    /// <summary>The route named <paramref name="name"/>.</summary>
    public static ApiRoute Named(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal))
        ?? throw new ArgumentException($"No admin route is named {name}.", nameof(name));

    /// <summary>Graph's handshake and notifications, answered by <see cref="GraphNotificationHandler"/> in the API's response shape.</summary>
    private static async Task<ApiResponse> ReceiveNotificationAsync(IServiceProvider services, ApiRequest request)
    {
        using var span = CloudTelemetry.StartNotification();
        var answer = await services.GetRequiredService<GraphNotificationHandler>().HandleAsync(request.QueryString, request.Body, request.Aborted);
        span?.SetTag(CloudTagNames.StatusCode, answer.StatusCode);
        return answer.Body is null
            ? ApiResponse.Empty(answer.StatusCode)
            : new ApiResponse(answer.StatusCode, answer.ContentType ?? NotificationResponse.TextPlain, Encoding.UTF8.GetBytes(answer.Body));
    }
}
