namespace GroupWriteback.LocalHost.Bridge;

/// <summary>
/// Runs the agent's own <c>grant</c> as the domain administrator, the way an administrator grants the writeback
/// account once: settings like the bridge's agent, bound as the administrator instead of the agent account.
/// </summary>
internal static class AgentGrant
{
    /// <summary>Grants <paramref name="accountDn"/> its rights on <paramref name="ou"/>; returns the exit code and the output.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(BridgeSettings settings, string accountDn, string ou, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var asAdmin = settings with { AgentBindDn = settings.Domain.AdminDn, AgentBindPassword = settings.Domain.AdminPassword };
        var file = Path.Combine(settings.StateDirectory, "agent-admin.settings.json");
        Directory.CreateDirectory(settings.StateDirectory);
        SettingsFile.Write(file, asAdmin.AgentSettings());
        return LocalBridge.RunAgentCommandAsync(file, ["grant", "--account", accountDn, "--ou", ou], cancellationToken);
    }
}
