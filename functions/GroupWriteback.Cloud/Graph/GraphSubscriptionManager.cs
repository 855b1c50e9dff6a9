using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;

namespace GroupWriteback.Cloud.Graph;

/// <summary>
/// Keeps one subscription on <c>groups</c> (created, updated, deleted) per notification URL. Ensuring lists the
/// app's subscriptions, so it needs no stored id: it renews ours once it expires within
/// <see cref="GraphOptions.SubscriptionRenewalWindow"/>, recreates it when Graph no longer has it (also when a
/// renewal answers 404), replaces one whose clientState differs and removes duplicates.
/// </summary>
internal sealed class GraphSubscriptionManager : IGraphSubscriptionManager
{
    public const string Resource = "groups";
    public const string ChangeTypes = "created,updated,deleted";

    /// <summary>Graph's longest lifetime of a subscription on groups.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(41760);

    // Asked for a little less than the maximum, so latency and clock skew never push a request past Graph's limit.
    private static readonly TimeSpan RequestedLifetime = MaxLifetime - TimeSpan.FromMinutes(10);

    private readonly GraphClients _clients;
    private readonly GraphOptions _options;
    private readonly TimeProvider _time;
    private readonly GraphCall _call;
    private readonly ILogger _logger;

    public GraphSubscriptionManager(GraphClients clients, IOptions<GraphOptions> options, TimeProvider time, ILogger<GraphSubscriptionManager> logger)
    {
        this._clients = clients;
        this._options = options.Value;
        this._time = time;
        this._logger = logger;
        _call = new GraphCall(logger);
    }

    public async Task<SubscriptionInfo> EnsureSubscriptionAsync(Uri notificationUrl, string clientState, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notificationUrl);
        ArgumentException.ThrowIfNullOrEmpty(clientState);
        var ours = (await ListAsync(ct)).Where(s => IsOurs(s, notificationUrl)).ToList();
        var keep = ours
            .Where(s => s.ClientState is null || string.Equals(s.ClientState, clientState, StringComparison.Ordinal))
            .MaxBy(s => s.ExpirationDateTime);
        foreach (var extra in ours.Where(s => !ReferenceEquals(s, keep)))
        {
            await _call.RunOrNotFoundAsync($"DELETE subscriptions/{extra.Id}", async t =>
            {
                await _clients.Service.Subscriptions[extra.Id].DeleteAsync(cancellationToken: t);
                return extra;
            }, ct);
        }

        if (keep is null)
        {
            return await CreateAsync(notificationUrl, clientState, ct);
        }

        var current = Info(keep);
        if (current.ExpiresAt - _time.GetUtcNow() > _options.SubscriptionRenewalWindow)
        {
            Log.SubscriptionCurrent(_logger, current.Id, current.ExpiresAt);
            return current;
        }

        if (await RenewAsync(current.Id, ct) is { } renewed)
        {
            Log.SubscriptionRenewed(_logger, renewed.Id, renewed.ExpiresAt);
            return renewed;
        }

        Log.SubscriptionVanished(_logger, current.Id);
        return await CreateAsync(notificationUrl, clientState, ct);
    }

    /// <summary>Renewing also reauthorizes, and extends the lifetime in the same call.</summary>
    /// <exception cref="GraphRequestException">The subscription is gone (404) or the request failed.</exception>
    public async Task<SubscriptionInfo> ReauthorizeAsync(string subscriptionId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionId);
        var renewed = await RenewAsync(subscriptionId, ct)
            ?? throw new GraphRequestException($"PATCH subscriptions/{subscriptionId}", 404, isTransient: false, "the subscription no longer exists", null);
        Log.SubscriptionReauthorized(_logger, renewed.Id, renewed.ExpiresAt);
        return renewed;
    }

    private async Task<SubscriptionInfo> CreateAsync(Uri notificationUrl, string clientState, CancellationToken ct)
    {
        var request = new Subscription
        {
            Resource = Resource,
            ChangeType = ChangeTypes,
            NotificationUrl = notificationUrl.ToString(),
            LifecycleNotificationUrl = notificationUrl.ToString(),
            ClientState = clientState,
            ExpirationDateTime = _time.GetUtcNow() + RequestedLifetime,
            LatestSupportedTlsVersion = "v1_2",
        };
        var created = await _call.RunAsync("POST subscriptions", t => _clients.Service.Subscriptions.PostAsync(request, cancellationToken: t), ct);
        var info = Info(created ?? throw new GraphRequestException("POST subscriptions", 201, isTransient: true, "the answer carries no subscription", null));
        Log.SubscriptionCreated(_logger, info.Id, info.Resource, info.ExpiresAt);
        return info;
    }

    private async Task<SubscriptionInfo?> RenewAsync(string subscriptionId, CancellationToken ct)
    {
        var patch = new Subscription { ExpirationDateTime = _time.GetUtcNow() + RequestedLifetime };
        var renewed = await _call.RunOrNotFoundAsync(
            $"PATCH subscriptions/{subscriptionId}",
            t => _clients.Service.Subscriptions[subscriptionId].PatchAsync(patch, cancellationToken: t),
            ct);
        return renewed is null ? null : Info(renewed);
    }

    private async Task<List<Subscription>> ListAsync(CancellationToken ct)
    {
        var all = new List<Subscription>();
        var page = await _call.RunAsync("GET subscriptions", t => _clients.Service.Subscriptions.GetAsync(cancellationToken: t), ct);
        while (page is not null)
        {
            all.AddRange(page.Value ?? []);
            var next = page.OdataNextLink;
            page = next is null || !_clients.IsServiceLink(next)
                ? null
                : await _call.RunAsync("GET subscriptions (next page)", t => _clients.Service.Subscriptions.WithUrl(next).GetAsync(cancellationToken: t), ct);
        }

        return all;
    }

    private static bool IsOurs(Subscription subscription, Uri notificationUrl) =>
        string.Equals(subscription.Resource?.TrimStart('/'), Resource, StringComparison.OrdinalIgnoreCase)
        && Uri.TryCreate(subscription.NotificationUrl, UriKind.Absolute, out var url)
        && Uri.Compare(url, notificationUrl, UriComponents.AbsoluteUri, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static SubscriptionInfo Info(Subscription subscription) => new()
    {
        Id = subscription.Id ?? throw new GraphRequestException("subscriptions", null, isTransient: false, "Graph returned a subscription without an id", null),
        Resource = subscription.Resource ?? Resource,
        ExpiresAt = subscription.ExpirationDateTime ?? DateTimeOffset.MinValue,
        NotificationUrl = new Uri(subscription.NotificationUrl ?? throw new GraphRequestException(
            $"subscriptions/{subscription.Id}", null, isTransient: false, "Graph returned a subscription without a notificationUrl", null)),
    };
}
