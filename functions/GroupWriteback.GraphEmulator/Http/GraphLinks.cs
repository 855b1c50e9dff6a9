namespace GroupWriteback.GraphEmulator.Http;

/// <summary>
/// Absolute links as Graph writes them (<c>@odata.nextLink</c>, <c>@odata.deltaLink</c>,
/// <c>@odata.context</c>): built from the host and version the client called, with literal <c>$</c> option names.
/// </summary>
internal static class GraphLinks
{
    public static string Root(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>The service root of the request's version, e.g. <c>http://127.0.0.1:5080/v1.0</c>.</summary>
    public static string ServiceRoot(HttpRequest request) => $"{Root(request)}/{GraphVersion.Of(request)}";

    public static string Context(HttpRequest request, string fragment) => $"{ServiceRoot(request)}/$metadata#{fragment}";

    public static string Build(HttpRequest request, string path, IEnumerable<KeyValuePair<string, string>> query)
    {
        var options = string.Join('&', query.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"));
        return options.Length == 0 ? $"{Root(request)}{path}" : $"{Root(request)}{path}?{options}";
    }

    /// <summary>The current request's link with one option replaced (or added).</summary>
    public static string WithOption(HttpRequest request, string name, string value)
    {
        var query = request.Query
            .Where(q => !string.Equals(q.Key, name, StringComparison.OrdinalIgnoreCase))
            .Select(q => KeyValuePair.Create(q.Key, q.Value.ToString()))
            .Append(KeyValuePair.Create(name, value));
        return Build(request, request.Path, query);
    }
}
