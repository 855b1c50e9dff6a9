namespace GroupWriteback.Cloud.Graph;

/// <summary>Builds the <c>$filter</c> expressions the reader sends.</summary>
internal static class GroupFilters
{
    /// <summary><c>id in ('a','b')</c>, combined with <paramref name="filter"/> when one is given.</summary>
    public static string WithIds(string? filter, IEnumerable<string> ids)
    {
        var list = string.Join(",", ids.Select(Literal));
        var byId = $"id in ({list})";
        return string.IsNullOrWhiteSpace(filter) ? byId : $"({filter}) and {byId}";
    }

    /// <summary>An OData string literal: quoted, with embedded quotes doubled.</summary>
    public static string Literal(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";
}
