using System.DirectoryServices.Protocols;

namespace GroupWriteback.Agent.Directory;

/// <summary>Opens bound LDAP connections to the configured domain controller.</summary>
internal interface IDirectoryConnectionFactory
{
    /// <summary>Opens and binds a new connection; the caller disposes it.</summary>
    LdapConnection Open();

    /// <summary>The domain naming context (DC=…).</summary>
    string DomainDn { get; }
}
