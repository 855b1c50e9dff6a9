using System.Text.Json.Serialization;

namespace GroupWriteback.Cloud.Graph.Notifications;

/// <summary>Graph's <c>changeNotificationCollection</c>, reduced to what the endpoint reads.</summary>
internal sealed record ChangeNotificationBatch([property: JsonRequired] IReadOnlyList<ChangeNotificationItem> Value);

/// <summary>One <c>changeNotification</c>: a resource change, or a lifecycle event when <see cref="LifecycleEvent"/> is set.</summary>
internal sealed record ChangeNotificationItem(
    string? SubscriptionId,
    string? ClientState,
    string? ChangeType,
    string? Resource,
    string? LifecycleEvent,
    string? TenantId);

internal sealed record NotificationError(NotificationErrorDetail Error);

internal sealed record NotificationErrorDetail(string Code, string Message);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, MaxDepth = 16)]
[JsonSerializable(typeof(ChangeNotificationBatch))]
[JsonSerializable(typeof(NotificationError))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;
