using GroupWriteback.GraphEmulator.Delta;
using GroupWriteback.GraphEmulator.Faults;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Requests;
using GroupWriteback.GraphEmulator.Subscriptions;
using Microsoft.Extensions.Options;

namespace GroupWriteback.GraphEmulator.Hosting;

/// <summary>
/// The in-process control surface of a running emulator, the same operations the <c>/emulator</c> admin
/// endpoints offer: the tenant for direct changes, faults, the request and delivery logs, subscriptions,
/// delta-token expiry, lifecycle events and reset.
/// </summary>
internal sealed class GraphEmulatorControl
{
    private readonly DeltaRoundStore _rounds;
    private readonly LifecycleNotifier _lifecycle;
    private readonly GraphEmulatorOptions _options;

    internal GraphEmulatorControl(
        EmulatedTenant tenant,
        FaultInjector faults,
        RequestLog requests,
        DeliveryLog deliveries,
        SubscriptionStore subscriptions,
        LifecycleNotifier lifecycle,
        DeltaRoundStore rounds,
        IOptions<GraphEmulatorOptions> options)
    {
        Tenant = tenant;
        Faults = faults;
        Requests = requests;
        Deliveries = deliveries;
        Subscriptions = subscriptions;
        this._lifecycle = lifecycle;
        this._rounds = rounds;
        this._options = options.Value;
    }

    public EmulatedTenant Tenant { get; }

    public FaultInjector Faults { get; }

    /// <summary>Graph requests answered, in order.</summary>
    public RequestLog Requests { get; }

    /// <summary>Validation, change and lifecycle requests sent to subscribers, in order.</summary>
    public DeliveryLog Deliveries { get; }

    public SubscriptionStore Subscriptions { get; }

    /// <summary>
    /// Tracking rounds answer as to <c>Prefer: return=minimal</c> whatever the client sends: an updated group
    /// carries only its id and what changed. For testing how a client reads partial entries.
    /// </summary>
    public bool MinimalDeltaEntries { get; set; }

    /// <summary>Answers the next <paramref name="count"/> requests under the path with the status and a Retry-After header.</summary>
    public void InjectFault(string pathPrefix, int statusCode, int retryAfterSeconds, int count = 1) =>
        Faults.Inject(pathPrefix, statusCode, retryAfterSeconds, count);

    /// <summary>Every issued deltaLink and nextLink answers 410 Gone from now on.</summary>
    public void ExpireDeltaTokens()
    {
        Tenant.ExpireDeltaTokens();
        _rounds.Clear();
    }

    /// <summary>Sends a lifecycle event (<see cref="LifecycleEvents"/>) to the subscription's lifecycleNotificationUrl.</summary>
    public Task<int?> SendLifecycleEventAsync(string subscriptionId, string lifecycleEvent, CancellationToken ct = default) =>
        _lifecycle.SendAsync(subscriptionId, lifecycleEvent, ct);

    /// <summary>Replaces the tenant's content with the document, or with the configured tenant file (empty when none).</summary>
    public void Reset(TenantFileDocument? document = null)
    {
        if (document is null && _options.TenantFile is { } path)
        {
            using var file = File.OpenRead(path);
            document = TenantFile.ReadDocument(file, path);
        }

        Tenant.Reset(document ?? new TenantFileDocument());
        _rounds.Clear();
    }
}
