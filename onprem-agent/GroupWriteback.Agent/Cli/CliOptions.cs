using System.CommandLine;

namespace GroupWriteback.Agent.Cli;

/// <summary>Options shared by every agent command.</summary>
internal static class CliOptions
{
    /// <summary>An extra JSON settings file layered over appsettings.json.</summary>
    public static readonly Option<string?> Settings = new("--settings")
    {
        Description = "JSON settings file (same shape as appsettings.json); environment variables still override it.",
        Recursive = true,
    };
}
