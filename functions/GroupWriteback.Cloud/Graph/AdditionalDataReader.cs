using Microsoft.Kiota.Abstractions.Serialization;

namespace GroupWriteback.Cloud.Graph;

/// <summary>
/// Reads instance annotations and properties the v1.0 model lacks. Kiota puts every unknown JSON member into
/// <c>AdditionalData</c> as an <see cref="UntypedNode"/> tree: <c>members@delta</c> arrives as an
/// <see cref="UntypedArray"/> of <see cref="UntypedObject"/>s, <c>@removed</c> as an <see cref="UntypedObject"/>
/// (<c>{"reason":"changed|deleted"}</c>), <c>writebackConfiguration</c> as an <see cref="UntypedObject"/>.
/// </summary>
internal static class AdditionalDataReader
{
    public const string Removed = "@removed";
    public const string MembersDelta = "members@delta";
    public const string ODataType = "@odata.type";

    public static bool Has(IDictionary<string, object>? data, string key) => data is not null && data.ContainsKey(key);

    public static IReadOnlyDictionary<string, UntypedNode>? Object(IDictionary<string, object>? data, string key) =>
        data is not null && data.TryGetValue(key, out var value) && value is UntypedObject obj ? AsDictionary(obj) : null;

    public static IEnumerable<IReadOnlyDictionary<string, UntypedNode>> ObjectArray(IDictionary<string, object>? data, string key)
    {
        if (data is null || !data.TryGetValue(key, out var value) || value is not UntypedArray array)
        {
            yield break;
        }

        foreach (var item in array.GetValue())
        {
            if (item is UntypedObject obj)
            {
                yield return AsDictionary(obj);
            }
        }
    }

    public static string? String(IReadOnlyDictionary<string, UntypedNode> obj, string key) =>
        obj.TryGetValue(key, out var node) && node is UntypedString text ? text.GetValue() : null;

    public static bool? Boolean(IReadOnlyDictionary<string, UntypedNode> obj, string key) =>
        obj.TryGetValue(key, out var node) && node is UntypedBoolean flag ? flag.GetValue() : null;

    private static Dictionary<string, UntypedNode> AsDictionary(UntypedObject obj) =>
        new(obj.GetValue(), StringComparer.Ordinal);
}
