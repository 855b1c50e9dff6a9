using GroupWriteback.GraphEmulator.Querying;

namespace GroupWriteback.GraphEmulator.Delta;

/// <summary>
/// The options of a <c>groups/delta</c> request. Graph supports <c>$select</c> (with <c>members</c> for
/// membership changes) and its state tokens; <c>$expand</c>, <c>$orderby</c>, <c>$search</c>, <c>$skip</c> and
/// <c>$filter</c> (other than by id, which this emulator does not implement) are refused. <c>$top</c> is ignored,
/// as Graph decides delta page sizes itself.
/// </summary>
internal sealed record DeltaRequest(string? DeltaToken, string? SkipToken, PropertySelection? Select)
{
    public const string Latest = "latest";

    private static readonly string[] Unsupported = ["$expand", "$orderby", "$search", "$skip", "$filter"];

    public bool WantsLatest => string.Equals(DeltaToken, Latest, StringComparison.OrdinalIgnoreCase);

    public static DeltaRequest From(HttpRequest request)
    {
        var query = request.Query;
        var unsupported = Unsupported.FirstOrDefault(query.ContainsKey);
        if (unsupported is not null)
        {
            throw new UnsupportedQueryException($"The query option '{unsupported}' is not supported on groups/delta by this emulator.");
        }

        var select = query["$select"].ToString();
        return new DeltaRequest(
            NullIfEmpty(query["$deltatoken"].ToString()),
            NullIfEmpty(query["$skiptoken"].ToString()),
            string.IsNullOrWhiteSpace(select) ? null : PropertySelection.Parse(select));
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
