namespace GroupWriteback.Cloud.Workflows.Approvals;

/// <summary>What a paused run would delete, shown while it waits for an approval.</summary>
public sealed record DeletePreview
{
    /// <summary>Items listed in the preview at most; the count is always complete.</summary>
    public const int MaxItems = 100;

    /// <summary>Identifies this preview; an <see cref="ApprovalDecision"/> must name it.</summary>
    public required string Id { get; init; }

    /// <summary>"groups" or "members".</summary>
    public required string Kind { get; init; }

    /// <summary>How many would be deleted.</summary>
    public required int Count { get; init; }

    /// <summary>The threshold that was exceeded (0 when every delete needs an approval).</summary>
    public required int Threshold { get; init; }

    /// <summary>The first <see cref="MaxItems"/> items (group or member ids).</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>Builds a preview of <paramref name="items"/>.</summary>
    public static DeletePreview Of(string id, string kind, IReadOnlyCollection<string> items, int threshold)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new DeletePreview { Id = id, Kind = kind, Count = items.Count, Threshold = threshold, Items = items.Take(MaxItems).ToList() };
    }
}
