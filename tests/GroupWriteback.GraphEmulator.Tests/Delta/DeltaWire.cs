using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace GroupWriteback.GraphEmulator.Tests.Delta;

/// <summary>Reads what the SDK put into <c>AdditionalData</c> for delta annotations.</summary>
internal static class DeltaWire
{
    public static IReadOnlyList<(string Type, string Id, string? Removed)> MembersDelta(Group entry)
    {
        if (entry.AdditionalData is null || !entry.AdditionalData.TryGetValue("members@delta", out var value) || value is not UntypedArray array)
        {
            return [];
        }

        return [.. array.GetValue().Cast<UntypedObject>().Select(o =>
        {
            var item = o.GetValue();
            var removed = item.TryGetValue("@removed", out var r) && r is UntypedObject reason
                ? ((UntypedString)reason.GetValue()["reason"]).GetValue()
                : null;
            return (((UntypedString)item["@odata.type"]).GetValue()!, ((UntypedString)item["id"]).GetValue()!, removed);
        })];
    }

    public static string? RemovedReason(Group entry) =>
        entry.AdditionalData is not null && entry.AdditionalData.TryGetValue("@removed", out var value) && value is UntypedObject removed
            ? ((UntypedString)removed.GetValue()["reason"]).GetValue()
            : null;
}
