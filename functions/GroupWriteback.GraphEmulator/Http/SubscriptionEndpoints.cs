using System.Text.Json.Nodes;
using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Subscriptions;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.GraphEmulator.Http;

/// <summary>
/// <c>subscriptions</c>: create (after validating the notification and lifecycle endpoints), list, get, renew
/// (PATCH expirationDateTime, which also reauthorizes), <c>reauthorize</c> and delete.
/// </summary>
internal static class SubscriptionEndpoints
{
    private const string Entity = "subscriptions/$entity";

    public static void MapSubscriptionEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/subscriptions", async (HttpRequest request, EmulatedTenant tenant, SubscriptionStore store, EndpointValidator validator, ILoggerFactory logs) =>
        {
            var subscription = SubscriptionRules.ToSubscription(await RequestBody.ReadObjectAsync(request), tenant.Time.GetUtcNow());
            var endpoints = new[] { ("notificationUrl", subscription.NotificationUrl), ("lifecycleNotificationUrl", subscription.LifecycleNotificationUrl) };
            foreach (var (name, url) in endpoints.Where(e => e.Item2 is not null).DistinctBy(e => e.Item2))
            {
                if (await validator.ValidateAsync(url!, request.HttpContext.RequestAborted) is { } reason)
                {
                    throw SubscriptionRules.ValidationFailed(name, reason);
                }
            }

            store.Add(subscription);
            var logger = logs.CreateLogger(typeof(SubscriptionEndpoints));
            Log.SubscriptionCreated(logger, subscription.Id, subscription.Resource, subscription.NotificationUrl, subscription.ExpirationDateTime);
            return GraphJsonResult.Entity(request, Entity, NotificationPayloads.Subscription(subscription), StatusCodes.Status201Created);
        });

        routes.MapGet("/subscriptions", (HttpRequest request, SubscriptionStore store) => new GraphJsonResult(new JsonObject
        {
            ["@odata.context"] = GraphLinks.Context(request, "subscriptions"),
            ["value"] = new JsonArray([.. store.List().Select(NotificationPayloads.Subscription)]),
        }));

        routes.MapGet("/subscriptions/{id}", (string id, HttpRequest request, SubscriptionStore store) =>
            store.Find(id) is { } subscription
                ? (IResult)GraphJsonResult.Entity(request, Entity, NotificationPayloads.Subscription(subscription))
                : NotFound(id));

        routes.MapPatch("/subscriptions/{id}", async (string id, HttpRequest request, EmulatedTenant tenant, SubscriptionStore store) =>
        {
            var expiration = SubscriptionRules.Expiration(await RequestBody.ReadObjectAsync(request), tenant.Time.GetUtcNow());
            var renewed = store.Update(id, s => Reauthorized(s) with { ExpirationDateTime = expiration, Renewals = s.Renewals + 1 });
            return renewed is null ? (IResult)NotFound(id) : GraphJsonResult.Entity(request, Entity, NotificationPayloads.Subscription(renewed));
        });

        routes.MapPost("/subscriptions/{id}/reauthorize", (string id, SubscriptionStore store) =>
            store.Update(id, s => Reauthorized(s) with { Reauthorizations = s.ReauthorizationRequired ? s.Reauthorizations : s.Reauthorizations + 1 }) is null
                ? (IResult)NotFound(id)
                : Results.NoContent());

        routes.MapDelete("/subscriptions/{id}", (string id, SubscriptionStore store) =>
            store.Remove(id) ? Results.NoContent() : NotFound(id));
    }

    /// <summary>Answers a pending reauthorization challenge, as the reauthorize action and a renewal both do.</summary>
    private static EmulatedSubscription Reauthorized(EmulatedSubscription subscription) =>
        subscription.ReauthorizationRequired
            ? subscription with { ReauthorizationRequired = false, Reauthorizations = subscription.Reauthorizations + 1 }
            : subscription;

    private static GraphErrorResult NotFound(string id) =>
        new(StatusCodes.Status404NotFound, "ResourceNotFound", $"The subscription '{id}' was not found.");
}
