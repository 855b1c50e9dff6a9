namespace GroupWriteback.GraphEmulator.Subscriptions;

/// <summary>A change-notification subscription as the emulator holds it.</summary>
internal sealed record EmulatedSubscription
{
    public required string Id { get; init; }

    /// <summary>The watched resource as the client wrote it (<c>groups</c> or <c>/groups</c>).</summary>
    public required string Resource { get; init; }

    /// <summary>Comma-separated: <c>created</c>, <c>updated</c>, <c>deleted</c>.</summary>
    public required string ChangeType { get; init; }

    public required Uri NotificationUrl { get; init; }

    public Uri? LifecycleNotificationUrl { get; init; }

    public string? ClientState { get; init; }

    public required DateTimeOffset ExpirationDateTime { get; init; }

    public string? LatestSupportedTlsVersion { get; init; }

    /// <summary>A <c>reauthorizationRequired</c> challenge was sent and not yet answered by reauthorize or renew.</summary>
    public bool ReauthorizationRequired { get; init; }

    /// <summary>How often the subscription was reauthorized (the reauthorize action or a renewal after a challenge).</summary>
    public int Reauthorizations { get; init; }

    /// <summary>How often its expiration was updated.</summary>
    public int Renewals { get; init; }

    public bool Notifies(string changeType) =>
        ChangeType.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Contains(changeType, StringComparer.OrdinalIgnoreCase);
}
