using GroupWriteback.Agent.Configuration;
using GroupWriteback.Agent.Directory;
using GroupWriteback.LocalDomain;

namespace GroupWriteback.Agent.Tests;

/// <summary>The agent's directory settings pointed at the test DC, bound as the admin or another account.</summary>
internal static class AgentDirectory
{
    public static TestDomain Domain => TestDomain.Instance;

    public static DirectoryOptions Options(IEnumerable<string> targetOus, TestUser? account = null) => new()
    {
        Server = Domain.Server,
        Port = Domain.LdapsPort,
        AuthType = "Basic",
        BindUser = account?.Dn ?? Domain.AdminDn,
        BindPassword = account is null ? Domain.AdminPassword : account.Password,
        TrustedCertificatesDirectory = Domain.TrustedCertificatesDirectory,
        DomainDn = Domain.DomainDn,
        TargetOus = [.. targetOus],
        MemberBatchSize = 1000,
    };

    public static DirectoryConnectionFactory Connections(IEnumerable<string> targetOus, TestUser? account = null) =>
        new(Microsoft.Extensions.Options.Options.Create(Options(targetOus, account)));

    public static DirectoryClient OpenClient(TestUser? account = null) =>
        new(Connections([Domain.DomainDn], account).Open(), Domain.DomainDn);
}
