using System.Text.Json;
using GroupWriteback.Agent.Configuration;
using GroupWriteback.Agent.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Agent.Tests.Configuration;

/// <summary>The process environment is shared, so these run alone (see <see cref="EnvironmentCollection"/>).</summary>
[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection;

/// <summary>
/// The scope cannot be widened by accident: only prefixed environment variables are read, and a later source's
/// <c>Directory:TargetOus</c> replaces the list rather than merging with it index by index.
/// </summary>
[Collection(nameof(EnvironmentCollection))]
public sealed class ConfigurationSourcesTests : IDisposable
{
    private const string FileOu = "OU=Cloud Groups,DC=corp,DC=test";
    private const string SecondFileOu = "OU=More Groups,DC=corp,DC=test";
    private const string StrayOu = "OU=Stray,DC=corp,DC=test";
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("gw-config-").FullName;
    private readonly List<string> _variables = [];

    [Fact]
    public void Build_UnprefixedVariables_AreIgnored()
    {
        Set("Directory__TargetOus__1", StrayOu);
        Set("Directory__Server", "rogue.example");

        var options = Build(FileOu);

        Assert.Equal([FileOu], options.TargetOus);
        Assert.Equal("dc01.corp.test", options.Server);
    }

    [Fact]
    public void Build_PrefixedVariable_Overrides()
    {
        Set(AgentHostFactory.EnvironmentPrefix + "Directory__Server", "dc02.corp.test");

        Assert.Equal("dc02.corp.test", Build(FileOu).Server);
    }

    [Fact]
    public void Build_PrefixedTargetOusEntry_ReplacesTheFileListInsteadOfWideningIt()
    {
        Set(AgentHostFactory.EnvironmentPrefix + "Directory__TargetOus__1", StrayOu);

        var options = Build(FileOu, SecondFileOu);

        // Merged by index this would be [FileOu, StrayOu]; the environment's list is the whole list.
        Assert.Equal([StrayOu], options.TargetOus);
    }

    [Fact]
    public void Build_SettingsFileList_ReplacesTheSampleListBesideTheBinary()
    {
        // appsettings.json beside the binary lists OU=Cloud Groups,DC=corp,DC=example,DC=com.
        var options = Build(FileOu);

        Assert.Equal([FileOu], options.TargetOus);
    }

    public void Dispose()
    {
        foreach (var name in _variables)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        System.IO.Directory.Delete(_folder, recursive: true);
    }

    private void Set(string name, string value)
    {
        _variables.Add(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    private DirectoryOptions Build(params string[] targetOus)
    {
        var settings = Path.Combine(_folder, "settings.json");
        File.WriteAllText(settings, JsonSerializer.Serialize(new { Directory = new { Server = "dc01.corp.test", TargetOus = targetOus } }));
        using var host = AgentHostFactory.CreateBuilder(settings).Build();
        return host.Services.GetRequiredService<IOptions<DirectoryOptions>>().Value;
    }
}
