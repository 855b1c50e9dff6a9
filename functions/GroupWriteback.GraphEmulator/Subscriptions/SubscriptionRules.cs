using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using GroupWriteback.GraphEmulator.Http;

namespace GroupWriteback.GraphEmulator.Subscriptions;

/// <summary>
/// What Graph checks in a subscription request on groups: the change types, a notification URL it can reach
/// (https; the emulator also accepts http on loopback), the resource, an expiration in the future and at most
/// 41,760 minutes ahead, and a clientState of at most 128 characters.
/// </summary>
internal static class SubscriptionRules
{
    /// <summary>Graph's longest subscription lifetime for groups, in minutes.</summary>
    public const int MaxLifetimeMinutes = 41760;

    public const int MaxClientStateLength = 128;

    private const string Code = "InvalidRequest";
    private static readonly string[] ChangeTypes = ["created", "updated", "deleted"];
    private static readonly string[] Resources = ["groups", "/groups"];

    public static EmulatedSubscription ToSubscription(JsonObject body, DateTimeOffset now)
    {
        var changeType = Required(body, "changeType");
        if (changeType.Split(',', StringSplitOptions.TrimEntries).Any(t => !ChangeTypes.Contains(t, StringComparer.OrdinalIgnoreCase)))
        {
            throw Invalid($"Invalid changeType '{changeType}'; groups support {string.Join(", ", ChangeTypes)}.");
        }

        var resource = Required(body, "resource");
        if (!Resources.Contains(resource, StringComparer.OrdinalIgnoreCase))
        {
            throw Invalid($"Resource '{resource}' is not supported by this emulator; subscribe to 'groups'.");
        }

        var clientState = RequestBody.String(body, "clientState");
        if (clientState?.Length > MaxClientStateLength)
        {
            throw Invalid($"clientState must not be longer than {MaxClientStateLength} characters.");
        }

        var lifecycle = RequestBody.String(body, "lifecycleNotificationUrl");
        return new EmulatedSubscription
        {
            Id = Guid.NewGuid().ToString(),
            Resource = resource,
            ChangeType = changeType,
            NotificationUrl = NotificationUrl(Required(body, "notificationUrl"), "notificationUrl"),
            LifecycleNotificationUrl = lifecycle is null ? null : NotificationUrl(lifecycle, "lifecycleNotificationUrl"),
            ClientState = clientState,
            ExpirationDateTime = Expiration(body, now),
            LatestSupportedTlsVersion = RequestBody.String(body, "latestSupportedTlsVersion"),
        };
    }

    public static DateTimeOffset Expiration(JsonObject body, DateTimeOffset now)
    {
        var text = Required(body, "expirationDateTime");
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiration))
        {
            throw Invalid($"Invalid expirationDateTime '{text}'.");
        }

        if (expiration <= now)
        {
            throw Invalid("Subscription expiration must be in the future.");
        }

        return expiration > now.AddMinutes(MaxLifetimeMinutes)
            ? throw Invalid($"Subscription expiration can only be {MaxLifetimeMinutes} minutes in the future.")
            : expiration;
    }

    public static InvalidRequestException ValidationFailed(string which, string reason) =>
        Invalid($"Subscription validation request failed. {which} must respond with 200 OK and the validationToken as text/plain: {reason}.");

    private static Uri NotificationUrl(string value, string name)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && IsLoopback(url))))
        {
            throw Invalid($"The {name} '{value}' must be an absolute https URL (http only on loopback in the emulator).");
        }

        return url;
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.IdnHost, out var address) && IPAddress.IsLoopback(address));

    private static string Required(JsonObject body, string name) =>
        RequestBody.String(body, name) ?? throw Invalid($"A value is required for property '{name}' of resource 'Subscription'.");

    private static InvalidRequestException Invalid(string message) => new(Code, message);
}
