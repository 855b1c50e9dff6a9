using System.Text;
using System.Text.RegularExpressions;
using GroupWriteback.LocalDomain;

namespace GroupWriteback.Contracts.Tests;

/// <summary>
/// The wire README's JSON examples are what the serializer writes for <see cref="WireExamples"/>.
/// After a contract change, regenerate them with <c>GW_UPDATE_README=1 dotnet test</c>.
/// </summary>
public sealed partial class ReadmeTests
{
    private static readonly string ReadmePath = Path.Combine(Repository.Root ?? throw new InvalidOperationException("The README test runs from a checkout."), "contracts", "GroupWriteback.Contracts", "README.md");

    [Fact]
    public void Readme_JsonExamples_AreWhatTheSerializerWrites()
    {
        var expected = WireExamples.Commands.Select(WireJson.Of).Concat(WireExamples.Results.Select(WireJson.Of)).ToList();
        if (Environment.GetEnvironmentVariable("GW_UPDATE_README") == "1")
        {
            Rewrite(expected);
        }

        var actual = JsonBlock().Matches(File.ReadAllText(ReadmePath)).Select(m => m.Groups["json"].Value.TrimEnd()).ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Readme_JsonExamples_Deserialize()
    {
        var blocks = JsonBlock().Matches(File.ReadAllText(ReadmePath)).Select(m => Encoding.UTF8.GetBytes(m.Groups["json"].Value)).ToList();

        var commands = blocks.Take(WireExamples.Commands.Count).Select(b => WireSerializer.DeserializeCommand(b)).ToList();
        var results = blocks.Skip(WireExamples.Commands.Count).Select(b => WireSerializer.DeserializeResult(b)).ToList();

        Assert.Equal(["upsertGroup", "changeMembership", "membershipSnapshot", "deleteGroup", "grantPermissions"], commands.Select(c => c.Kind));
        Assert.Equal(WireExamples.Results.Count, results.Count);
    }

    private static void Rewrite(List<string> examples)
    {
        var index = 0;
        var text = JsonBlock().Replace(File.ReadAllText(ReadmePath), _ => "```json\n" + examples[index++] + "\n```");
        File.WriteAllText(ReadmePath, text);
    }

    [GeneratedRegex("```json\\n(?<json>.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
