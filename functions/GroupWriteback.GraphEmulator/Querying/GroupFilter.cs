using GroupWriteback.GraphEmulator.Model;

namespace GroupWriteback.GraphEmulator.Querying;

/// <summary>
/// The subset of OData <c>$filter</c> that group reads support here: <c>eq</c>/<c>ne</c> on scalar
/// properties, <c>id in (…)</c>, <c>startswith(prop,'x')</c>, <c>groupTypes/any(c:c eq 'Unified')</c>
/// (also on proxyAddresses), <c>not</c>, <c>and</c>, <c>or</c> and parentheses. Anything else throws
/// <see cref="UnsupportedQueryException"/>.
/// </summary>
internal sealed class GroupFilter
{
    private static readonly Dictionary<string, Func<EmulatedGroup, object?>> Scalars = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = g => g.Id,
        ["displayName"] = g => g.DisplayName,
        ["description"] = g => g.Description,
        ["mail"] = g => g.Mail,
        ["mailNickname"] = g => g.MailNickname,
        ["mailEnabled"] = g => g.MailEnabled,
        ["securityEnabled"] = g => g.SecurityEnabled,
        ["visibility"] = g => g.Visibility,
        ["onPremisesSyncEnabled"] = g => g.OnPremisesSyncEnabled,
        ["onPremisesSecurityIdentifier"] = g => g.OnPremisesSecurityIdentifier,
    };

    private static readonly Dictionary<string, Func<EmulatedGroup, IReadOnlyList<string>>> Collections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["groupTypes"] = g => g.GroupTypes,
        ["proxyAddresses"] = g => g.ProxyAddresses,
    };

    private readonly List<FilterToken> _tokens;
    private int _position;

    private GroupFilter(List<FilterToken> tokens) => this._tokens = tokens;

    /// <summary>Parses a filter; null or empty matches every group.</summary>
    public static Func<EmulatedGroup, bool> Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return _ => true;
        }

        var parser = new GroupFilter(FilterTokenizer.Tokenize(filter));
        var predicate = parser.ParseOr();
        if (parser._position != parser._tokens.Count)
        {
            throw Unsupported($"unexpected '{parser._tokens[parser._position].Text}'");
        }

        return predicate;
    }

    private Func<EmulatedGroup, bool> ParseOr()
    {
        var left = ParseAnd();
        while (TryTake("or"))
        {
            var (l, r) = (left, ParseAnd());
            left = g => l(g) || r(g);
        }

        return left;
    }

    private Func<EmulatedGroup, bool> ParseAnd()
    {
        var left = ParseTerm();
        while (TryTake("and"))
        {
            var (l, r) = (left, ParseTerm());
            left = g => l(g) && r(g);
        }

        return left;
    }

    private Func<EmulatedGroup, bool> ParseTerm()
    {
        if (TryTake("not"))
        {
            var inner = ParseTerm();
            return g => !inner(g);
        }

        if (TryTake("("))
        {
            var inner = ParseOr();
            Expect(")");
            return inner;
        }

        var word = Take(FilterTokenKind.Word).Text;
        if (string.Equals(word, "startswith", StringComparison.OrdinalIgnoreCase))
        {
            return ParseStartsWith();
        }

        if (word.EndsWith("/any", StringComparison.OrdinalIgnoreCase))
        {
            return ParseAny(word[..^4]);
        }

        return ParseComparison(word);
    }

    private Func<EmulatedGroup, bool> ParseStartsWith()
    {
        Expect("(");
        var property = ScalarProperty(Take(FilterTokenKind.Word).Text);
        Expect(",");
        var prefix = Take(FilterTokenKind.String).Text;
        Expect(")");
        return g => property(g) is string value && value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
    }

    private Func<EmulatedGroup, bool> ParseAny(string collectionName)
    {
        if (!Collections.TryGetValue(collectionName, out var collection))
        {
            throw Unsupported($"any() on '{collectionName}'");
        }

        Expect("(");
        var lambda = Take(FilterTokenKind.Word).Text.Split(':');
        if (lambda.Length != 2 || !string.Equals(lambda[0], lambda[1], StringComparison.Ordinal))
        {
            throw Unsupported("a lambda other than x:x");
        }

        Expect("eq");
        var expected = Take(FilterTokenKind.String).Text;
        Expect(")");
        return g => collection(g).Contains(expected, StringComparer.OrdinalIgnoreCase);
    }

    private Func<EmulatedGroup, bool> ParseComparison(string propertyName)
    {
        var property = ScalarProperty(propertyName);
        if (TryTake("in"))
        {
            var values = ParseList();
            return g => values.Contains(property(g), OrdinalValueComparer.Instance);
        }

        var negate = TryTake("ne");
        if (!negate)
        {
            Expect("eq");
        }

        var literal = ParseLiteral();
        return g => OrdinalValueComparer.Instance.Equals(property(g), literal) != negate;
    }

    private List<object?> ParseList()
    {
        Expect("(");
        var values = new List<object?> { ParseLiteral() };
        while (TryTake(","))
        {
            values.Add(ParseLiteral());
        }

        Expect(")");
        return values;
    }

    private object? ParseLiteral()
    {
        var token = Next();
        return token.Kind == FilterTokenKind.String ? token.Text
            : token.Is("true") ? true
            : token.Is("false") ? false
            : token.Is("null") ? null
            : throw Unsupported($"literal '{token.Text}'");
    }

    private static Func<EmulatedGroup, object?> ScalarProperty(string name) =>
        Scalars.TryGetValue(name, out var property) ? property : throw Unsupported($"property '{name}'");

    private bool TryTake(string text)
    {
        if (_position < _tokens.Count && _tokens[_position].Is(text))
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(string text)
    {
        if (!TryTake(text))
        {
            throw Unsupported($"expected '{text}'");
        }
    }

    private FilterToken Take(FilterTokenKind kind)
    {
        var token = Next();
        return token.Kind == kind ? token : throw Unsupported($"unexpected '{token.Text}'");
    }

    private FilterToken Next() =>
        _position < _tokens.Count ? _tokens[_position++] : throw Unsupported("the filter ends too early");

    private static UnsupportedQueryException Unsupported(string detail) =>
        new($"Unsupported or invalid query filter clause specified for resource 'Group': {detail}.");
}
