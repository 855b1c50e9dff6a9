namespace GroupWriteback.GraphEmulator.Model;

/// <summary>The JSON tenant file: users first, then groups whose members name users or groups.</summary>
public sealed record TenantFileDocument
{
    public string? TenantId { get; init; }

    public IReadOnlyList<UserDraft> Users { get; init; } = [];

    public IReadOnlyList<GroupDraft> Groups { get; init; } = [];
}
