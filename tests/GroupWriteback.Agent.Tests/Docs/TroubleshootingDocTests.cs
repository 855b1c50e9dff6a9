using System.Text.RegularExpressions;
using GroupWriteback.Contracts.Results;
using GroupWriteback.LocalDomain;

namespace GroupWriteback.Agent.Tests.Docs;

/// <summary>The troubleshooting guide has a row, with a meaning and an action, for every failure reason the agent can answer with.</summary>
public sealed partial class TroubleshootingDocTests
{
    private static readonly string GuidePath = Path.Combine(
        Repository.Root ?? throw new InvalidOperationException("The guide test runs from a checkout."), "onprem-agent", "docs", "troubleshooting.md");

    [Fact]
    public void Guide_EveryFailureReason_HasOneRowWithMeaningAndAction()
    {
        var text = File.ReadAllText(GuidePath);
        var section = text[text.IndexOf("## Failure reasons", StringComparison.Ordinal)..text.IndexOf("## Other dead-letter reasons", StringComparison.Ordinal)];
        var rows = ReasonRow().Matches(section).ToDictionary(m => m.Groups["reason"].Value, m => (Meaning: m.Groups["meaning"].Value.Trim(), Action: m.Groups["action"].Value.Trim()));

        Assert.Equal(Enum.GetNames<FailureReason>().Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        Assert.All(rows, row => Assert.True(row.Value.Meaning.Length > 10 && row.Value.Action.Length > 5, $"{row.Key} needs a meaning and an action."));
    }

    [GeneratedRegex(@"^\| `(?<reason>[A-Za-z]+)` \|(?<meaning>[^|]+)\|(?<action>[^|]+)\|\s*$", RegexOptions.Multiline)]
    private static partial Regex ReasonRow();
}
