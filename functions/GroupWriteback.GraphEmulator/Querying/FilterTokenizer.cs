using System.Text;

namespace GroupWriteback.GraphEmulator.Querying;

/// <summary>Splits an OData <c>$filter</c> into words, quoted strings and punctuation.</summary>
internal static class FilterTokenizer
{
    public static List<FilterToken> Tokenize(string filter)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (i < filter.Length)
        {
            var c = filter[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new FilterToken(FilterTokenKind.Punctuation, c.ToString()));
                i++;
            }
            else if (c == '\'')
            {
                i = ReadString(filter, i + 1, tokens);
            }
            else
            {
                var start = i;
                while (i < filter.Length && !char.IsWhiteSpace(filter[i]) && filter[i] is not ('(' or ')' or ',' or '\''))
                {
                    i++;
                }

                tokens.Add(new FilterToken(FilterTokenKind.Word, filter[start..i]));
            }
        }

        return tokens;
    }

    private static int ReadString(string filter, int i, List<FilterToken> tokens)
    {
        var value = new StringBuilder();
        while (i < filter.Length)
        {
            if (filter[i] == '\'')
            {
                // OData escapes a quote inside a string literal by doubling it.
                if (i + 1 < filter.Length && filter[i + 1] == '\'')
                {
                    value.Append('\'');
                    i += 2;
                    continue;
                }

                tokens.Add(new FilterToken(FilterTokenKind.String, value.ToString()));
                return i + 1;
            }

            value.Append(filter[i++]);
        }

        throw new UnsupportedQueryException("Invalid filter clause: unterminated string literal.");
    }
}

internal enum FilterTokenKind
{
    Word,
    String,
    Punctuation,
}

internal sealed record FilterToken(FilterTokenKind Kind, string Text)
{
    public bool Is(string text) => Kind != FilterTokenKind.String && string.Equals(Text, text, StringComparison.OrdinalIgnoreCase);
}
