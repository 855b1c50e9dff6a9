using System.CommandLine;
using GroupWriteback.Agent.Processing;
using GroupWriteback.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace GroupWriteback.Agent.Cli;

/// <summary>
/// <c>grant --account X (--ou DN | --domain) [--skip-adminsdholder]</c>: what
/// Set-ADSyncUnifiedGroupWritebackPermissions does, run with an administrator's bind.
/// </summary>
internal static class GrantCommand
{
    public static Command Create()
    {
        var account = new Option<string>("--account") { Description = "The writeback account: DN or SID.", Required = true };
        var ou = new Option<string?>("--ou") { Description = "Grant on this OU (this object and sub-objects)." };
        var domain = new Option<bool>("--domain") { Description = "Grant on every domain root (sub-objects only) and AdminSDHolder." };
        var skip = new Option<bool>("--skip-adminsdholder") { Description = "With --domain: leave AdminSDHolder alone." };
        var command = new Command("grant", "Grant the writeback account its permissions.") { account, ou, domain, skip };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(parse.GetValue(CliOptions.Settings), parse.InvocationConfiguration.Output, async services =>
        {
            var output = parse.InvocationConfiguration.Output;
            var targetOu = parse.GetValue(ou);
            if (parse.GetValue(domain) == (targetOu is not null))
            {
                await output.WriteLineAsync("Give exactly one of --ou <DN> or --domain.");
                return 2;
            }

            var scope = targetOu is null ? GrantScope.DomainRoots : GrantScope.OrganizationalUnit;
            var summary = await services.GetRequiredService<IPermissionGranter>()
                .GrantAsync(parse.GetValue(account)!, scope, targetOu, parse.GetValue(skip), cancellationToken);
            foreach (var (dn, added) in summary.AcesAddedByDn)
            {
                await output.WriteLineAsync(added > 0 ? $"{dn}: added {added} ACEs" : $"{dn}: already granted");
            }

            return 0;
        }));
        return command;
    }
}
