namespace GroupWriteback.GraphEmulator.Model;

/// <summary>A partial update of a group's properties; a null member leaves that property unchanged.</summary>
public sealed record GroupUpdate
{
    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public string? Mail { get; init; }

    public string? MailNickname { get; init; }

    public bool? MailEnabled { get; init; }

    public bool? SecurityEnabled { get; init; }

    public IReadOnlyList<string>? ProxyAddresses { get; init; }

    public string? Visibility { get; init; }

    public WritebackConfiguration? WritebackConfiguration { get; init; }
}
