using System.Globalization;
using GroupWriteback.Cloud.Results;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.LocalDomain;
using GroupWriteback.Transport;

namespace GroupWriteback.LocalHost.Chaos;

/// <summary>
/// Builds a tenant, runs the whole bridge against the test DC, injects every fault of <see cref="FaultSchedule"/>
/// while memberships keep changing, then waits for AD to equal the tenant and checks it object by object and member
/// by member, the dead letters, and the DC's own consistency. Everything it creates lives in one scratch OU.
/// </summary>
internal static class ChaosRun
{
    // What the agent logs when the directory answers again after an outage (its event 110).
    private const string OutageLogged = "Directory answers again after";

    private static readonly TimeSpan StallLimit = TimeSpan.FromMinutes(3);

    public static async Task<int> ExecuteAsync(ChaosOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var ledger = new ChaosLedger(output);
        var random = new Random(options.Seed);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Chaos: {options.Groups} groups of {options.Members} members, {options.AgentKills} agent kills, a {options.Outage.TotalSeconds:0} s DC outage; seed {options.Seed}"));

        var domain = await Task.Run(() => TestDomain.Instance, cancellationToken);
        var users = await Task.Run(() => domain.SharedUsers(Math.Max(10, options.Members * 2)), cancellationToken);
        using var scratch = domain.CreateScratchOu("chaos");
        var groupsOu = $"OU=Groups,{scratch.Dn}";
        domain.EnsureOu(groupsOu);
        var account = domain.CreateAccount(scratch.Dn, "gwchaos");
        var state = Directory.CreateTempSubdirectory("gw-chaos-").FullName;
        var passed = false;
        await using var proxy = new LoopbackProxy(domain.Server, domain.LdapsPort);
        try
        {
            var tenant = new ChaosTenant(users, options.Groups, options.Members, random);
            var settings = Settings(domain, scratch.Dn, groupsOu, account, state, proxy.Port);
            var (exitCode, text) = await AgentGrant.RunAsync(settings, account.Dn, scratch.Dn, cancellationToken);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"The agent's grant failed ({exitCode}): {text}");
            }

            await using (var file = File.Create(settings.TenantFile!))
            {
                await TenantFile.WriteAsync(tenant.Document, file, cancellationToken);
            }

            await using var bridge = await LocalBridge.StartAsync(settings, cancellationToken);
            using var poison = new PoisonMessages(settings.QueuePath, domain.DomainDn);
            ledger.Note("bridge started; the first delta round starts the full sync");
            await new FaultSchedule(options, bridge, settings, proxy, tenant, ledger, random).RunAsync(domain, groupsOu, poison, cancellationToken);

            var userDns = tenant.Users.ToDictionary(u => u.CloudId, u => u.User.Dn, StringComparer.OrdinalIgnoreCase);
            var convergence = await ConvergeAsync(bridge, domain, groupsOu, userDns, ledger, cancellationToken);
            await CheckAsync(convergence, bridge, domain, scratch.Dn, poison, ledger, options, state, output, cancellationToken);
            passed = ledger.Summarize() == 0;
            return passed ? 0 : 1;
        }
        finally
        {
            if (passed)
            {
                Directory.Delete(state, recursive: true);
            }
            else
            {
                output.WriteLine($"The run's settings, queue and logs are kept in {state}");
            }
        }
    }

    private static async Task<Convergence> ConvergeAsync(
        LocalBridge bridge, TestDomain domain, string groupsOu, IReadOnlyDictionary<string, string> userDns, ChaosLedger ledger, CancellationToken cancellationToken)
    {
        // Converged twice in a row, so a pass still in flight cannot undo it; given up only when nothing improves.
        var lastProgress = DateTime.UtcNow;
        Convergence? previous = null;
        var best = int.MaxValue;
        while (true)
        {
            var tenant = await bridge.Graph.GetTenantAsync(cancellationToken);
            var now = Convergence.Compare(domain, groupsOu, tenant, userDns);
            if (now.Differences < best)
            {
                best = now.Differences;
                lastProgress = DateTime.UtcNow;
            }

            if (now.Converged && previous?.Converged == true)
            {
                return now;
            }

            if (DateTime.UtcNow - lastProgress > StallLimit)
            {
                ledger.Note(string.Create(CultureInfo.InvariantCulture, $"no progress for {StallLimit.TotalMinutes:0} minutes; checking what AD has"));
                return now;
            }

            if (!now.Converged)
            {
                ledger.Note("converging: " + now);
                now.Examples.ToList().ForEach(e => ledger.Note("  " + e));
            }

            previous = now;
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        }
    }

    private static async Task CheckAsync(
        Convergence convergence,
        LocalBridge bridge,
        TestDomain domain,
        string scopeDn,
        PoisonMessages poison,
        ChaosLedger ledger,
        ChaosOptions options,
        string state,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        ledger.Check("groups missing from AD", convergence.Missing, 0);
        ledger.Check("anchors on more than one object", convergence.Duplicates, 0);
        ledger.Check("groups with a wrong member set", convergence.WrongMembers, 0);
        ledger.Check("groups with a wrong name", convergence.WrongNames, 0);
        ledger.Check("run's objects outside the groups OU", convergence.OutsideOu, 0);
        ledger.Check("objects in the OU the tenant does not have", convergence.Extra, 0);
        ledger.Check("objects written by the poison commands", domain.Search(domain.DomainDn, "(displayName=Chaos intruder)").Count, 0);

        var poisoned = await poison.DeadLetteredAsync(cancellationToken);
        ledger.Check("poison messages dead-lettered", poisoned.Count, poison.Sent.Count);
        ledger.Check("poison dead letters without a reason", poisoned.Count(m => string.IsNullOrWhiteSpace(m.Reason) || string.IsNullOrWhiteSpace(m.Description)), 0);
        foreach (var message in poisoned)
        {
            ledger.Note($"dead letter {message.MessageId}: {message.Reason}: {message.Description}");
        }

        var status = await bridge.Admin.GetStatusAsync(cancellationToken);
        var commands = status.Queues.FirstOrDefault(q => q.Queue == QueueNames.Commands);
        ledger.Check("dead-lettered commands shown in /api/status", commands?.DeadLettered ?? -1, poison.Sent.Count);
        ledger.Check("dead-lettered commands other than the poison", (commands?.DeadLettered ?? 0) - poisoned.Count, 0);
        // The agent answers each poison message; the cloud has no orchestration waiting for those answers.
        var results = await poison.DeadLetteredResultsAsync(cancellationToken);
        foreach (var result in results)
        {
            ledger.Note($"dead-lettered result {result.MessageId}: {result.Reason}: {result.Description}");
        }

        ledger.Check(
            "dead-lettered results other than the poison's unroutable answers",
            results.Count(r => r.Reason != ResultDispatcher.UnroutableResult) + Math.Max(0, results.Count - poison.Sent.Count),
            0);

        if (options.DbCheck && domain.Info.StateDirectory is { } dcState && await DbCheck.RunAsync(dcState, scopeDn, output, cancellationToken) is { } verdict)
        {
            ledger.Note(string.Create(CultureInfo.InvariantCulture, $"samba-tool dbcheck checked {verdict.Objects} objects under {scopeDn}"));
            ledger.Check("samba-tool dbcheck errors", verdict.Errors, 0);
        }

        var agentLog = await File.ReadAllTextAsync(Path.Combine(state, "logs", "agent.log"), cancellationToken);
        ledger.Check("agent log lines saying the DC was back after an outage", agentLog.Contains(OutageLogged, StringComparison.Ordinal) ? 1 : 0, 1);
    }

    private static BridgeSettings Settings(TestDomain domain, string scopeDn, string groupsOu, TestUser account, string state, int proxyPort) => new()
    {
        StateDirectory = state,
        Port = LoopbackPort.Free(),
        ApiKey = "chaos-" + Guid.NewGuid().ToString("N"),
        Domain = domain.Info,
        TargetOu = groupsOu,
        AgentScope = [scopeDn],
        AgentBindDn = account.Dn,
        AgentBindPassword = account.Password!,
        TenantFile = Path.Combine(state, "tenant.json"),
        HostSettings = new Dictionary<string, string>
        {
            ["Writeback:DebounceWindow"] = "00:00:00.200",
            ["Writeback:MaxDebounce"] = "00:00:02",
            ["Writeback:ResultTimeout"] = "00:00:20",
            ["LocalHost:DeltaPollInterval"] = "00:00:05",
        },
        AgentExtraSettings = new Dictionary<string, string>
        {
            ["Directory:Port"] = proxyPort.ToString(CultureInfo.InvariantCulture),
            ["EmbeddedQueue:LockDuration"] = "00:00:05",
        },
    };
}
