namespace GroupWriteback.Contracts;

/// <summary>
/// Directory attributes of a written-back group. Null means "do not manage"; an empty list or
/// empty string means "clear it".
/// </summary>
public sealed record GroupAttributes
{
    /// <summary>displayName.</summary>
    public required string DisplayName { get; init; }

    /// <summary>description.</summary>
    public string? Description { get; init; }

    /// <summary>mail (primary SMTP address).</summary>
    public string? Mail { get; init; }

    /// <summary>mailNickname; written only where the schema has it.</summary>
    public string? MailNickname { get; init; }

    /// <summary>proxyAddresses (SMTP:primary, smtp:secondary, …).</summary>
    public IReadOnlyList<string>? ProxyAddresses { get; init; }

    /// <summary>msExchHideFromAddressLists; written only where the schema has it.</summary>
    public bool? HideFromAddressLists { get; init; }

    /// <summary>msExchRequireAuthToSendTo; written only where the schema has it.</summary>
    public bool? RequireSenderAuthentication { get; init; }
}
