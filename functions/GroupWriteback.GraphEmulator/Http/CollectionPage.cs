using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace GroupWriteback.GraphEmulator.Http;

/// <summary>
/// One page of a collection read: <c>$top</c> items from the position the <c>$skiptoken</c> names, and an
/// <c>@odata.nextLink</c> that repeats the request's other options when more remain.
/// </summary>
internal static class CollectionPage
{
    public static GraphJsonResult Create<T>(
        HttpRequest request, ODataQuery query, IReadOnlyList<T> items, Func<T, JsonObject?> render, string contextFragment, int defaultTop)
    {
        var offset = query.SkipToken is null ? 0 : DecodeOffset(query.SkipToken);
        var top = query.Top ?? defaultTop;
        var value = new JsonArray();
        foreach (var rendered in items.Skip(offset).Take(top).Select(render))
        {
            if (rendered is not null)
            {
                value.Add(rendered);
            }
        }

        var page = new JsonObject { ["@odata.context"] = GraphLinks.Context(request, contextFragment) };
        if (offset + top < items.Count)
        {
            page["@odata.nextLink"] = GraphLinks.WithOption(request, "$skiptoken", EncodeOffset(offset + top));
        }

        page["value"] = value;
        return new GraphJsonResult(page);
    }

    private static string EncodeOffset(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"page:{offset.ToString(CultureInfo.InvariantCulture)}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static int DecodeOffset(string token)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            if (text.StartsWith("page:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to the Graph error below: a token the client altered is a bad request.
        }

        throw new InvalidRequestException($"Invalid $skiptoken '{token}'.");
    }
}
