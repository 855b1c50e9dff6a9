using System.Reflection;
using GroupWriteback.LocalDomain;

namespace GroupWriteback.LocalHost.Bridge;

/// <summary>Where the checkout's pieces are: the built agent and local host, the state folder.</summary>
internal static class RepositoryLayout
{
    /// <summary>The folder holding GroupWriteback.sln.</summary>
    public static string Root => Repository.Root
        ?? throw new InvalidOperationException($"No GroupWriteback.sln lies above {AppContext.BaseDirectory}; run from a checkout (dotnet run --project functions/GroupWriteback.LocalHost).");

    /// <summary>The build configuration this assembly was built in; the agent is built beside it.</summary>
    public static string Configuration { get; } =
        typeof(RepositoryLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "BuildConfiguration")?.Value ?? "Debug";

    /// <summary>The agent's entry assembly.</summary>
    public static string AgentDll => Path.Combine(Root, "onprem-agent", "GroupWriteback.Agent", "bin", Configuration, "net10.0", "groupwriteback-agent.dll");

    /// <summary>The local host's entry assembly.</summary>
    public static string LocalHostDll => Path.Combine(Root, "functions", "GroupWriteback.LocalHost", "bin", Configuration, "net10.0", "groupwriteback-local.dll");

    /// <summary>A folder under the checkout's git-ignored <c>.state</c>.</summary>
    public static string State(string name) => Path.Combine(Root, ".state", name);
}
