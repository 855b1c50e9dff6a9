using System.Xml.Linq;
using GroupWriteback.LocalDomain;

namespace GroupWriteback.Cloud.Tests.Layout;

/// <summary>
/// Product projects (everything under functions/, onprem-agent/ and contracts/) never reference a project under
/// tests/: what a product needs at run time lives in a product project.
/// </summary>
public sealed class ProductReferenceTests
{
    private static readonly string[] ProductFolders = ["functions", "onprem-agent", "contracts"];

    [Fact]
    public void ProductProjects_ReferenceNoTestProject()
    {
        var root = Repository.Root ?? throw new InvalidOperationException("The layout test runs from a checkout.");
        var tests = Path.Combine(root, "tests") + Path.DirectorySeparatorChar;
        var projects = ProductFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.csproj", SearchOption.AllDirectories))
            .ToList();

        var offending = projects
            .SelectMany(project => References(project).Select(reference => (Project: project, Reference: reference)))
            .Where(pair => pair.Reference.StartsWith(tests, StringComparison.Ordinal))
            .Select(pair => $"{Path.GetRelativePath(root, pair.Project)} references {Path.GetRelativePath(root, pair.Reference)}")
            .ToList();

        Assert.Contains(projects, p => p.EndsWith("GroupWriteback.LocalHost.csproj", StringComparison.Ordinal));
        Assert.True(offending.Count == 0, "Product projects reference test projects:\n" + string.Join('\n', offending));
    }

    private static IEnumerable<string> References(string project)
    {
        var folder = Path.GetDirectoryName(project)!;
        return XDocument.Load(project)
            .Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>()
            .Select(include => Path.GetFullPath(Path.Combine(folder, include.Replace('\\', Path.DirectorySeparatorChar))));
    }
}
