using System.Globalization;
using GroupWriteback.GraphEmulator.Querying;

namespace GroupWriteback.GraphEmulator.Http;

/// <summary>The OData system query options of one collection or entity read.</summary>
internal sealed record ODataQuery(PropertySelection Select, string? Filter, int? Top, string? SkipToken)
{
    private static readonly string[] Unsupported = ["$expand", "$orderby", "$search", "$skip"];

    public static ODataQuery From(HttpRequest request)
    {
        var query = request.Query;
        var unsupported = Unsupported.FirstOrDefault(query.ContainsKey);
        if (unsupported is not null)
        {
            throw new UnsupportedQueryException($"The query option '{unsupported}' is not supported by this emulator.");
        }

        int? top = null;
        if (query.TryGetValue("$top", out var topValue))
        {
            top = int.TryParse(topValue, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is > 0 and <= 999
                ? parsed
                : throw new InvalidRequestException($"Invalid page size specified: '{topValue}'. Must be between 1 and 999 inclusive.");
        }

        return new ODataQuery(
            PropertySelection.Parse(query["$select"]),
            NullIfEmpty(query["$filter"]),
            top,
            NullIfEmpty(query["$skiptoken"]));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
