namespace GroupWriteback.LocalHost.Chaos;

/// <summary>What a chaos run builds and how hard it hits it.</summary>
/// <param name="Groups">Security groups in the tenant.</param>
/// <param name="Members">Members of each group, drawn from a pool twice that size.</param>
/// <param name="AgentKills">SIGKILLs of the agent during the full sync, each followed by a restart.</param>
/// <param name="Outage">How long the DC is unreachable from the agent, mid-sync.</param>
/// <param name="Seed">Seed of the random choices (kill points, membership changes), printed so a run can be repeated.</param>
/// <param name="DbCheck">Whether <c>samba-tool dbcheck</c> runs over the run's OU at the end.</param>
internal sealed record ChaosOptions(int Groups, int Members, int AgentKills, TimeSpan Outage, int Seed, bool DbCheck)
{
    /// <summary>The full run: 1,000 groups, 20 kills, a 30-second outage.</summary>
    public static ChaosOptions Full(int seed) => new(1000, 10, 20, TimeSpan.FromSeconds(30), seed, DbCheck: true);
}
