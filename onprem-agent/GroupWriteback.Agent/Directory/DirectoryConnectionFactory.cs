using System.DirectoryServices.Protocols;
using System.Net;
using GroupWriteback.Agent.Configuration;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Agent.Directory;

/// <summary>
/// Opens LDAP connections as configured. On Linux the DC certificate is verified against
/// <see cref="DirectoryOptions.TrustedCertificatesDirectory"/>, because the
/// VerifyServerCertificate callback is not supported there.
/// </summary>
internal sealed class DirectoryConnectionFactory : IDirectoryConnectionFactory
{
    private readonly DirectoryOptions _options;
    private readonly Lazy<string> _domainDn;

    /// <summary>Creates the factory.</summary>
    public DirectoryConnectionFactory(IOptions<DirectoryOptions> options)
    {
        _options = options.Value;
        _domainDn = new Lazy<string>(ReadDomainDn, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public string DomainDn => _domainDn.Value;

    /// <inheritdoc />
    public LdapConnection Open()
    {
        var identifier = new LdapDirectoryIdentifier(_options.Server, _options.Port, fullyQualifiedDnsHostName: true, connectionless: false);
        var authType = string.Equals(_options.AuthType, "Basic", StringComparison.OrdinalIgnoreCase) ? AuthType.Basic : AuthType.Negotiate;
        if (authType == AuthType.Negotiate)
        {
            KerberosOverTls.ApplyDefaults(_options.UseTls);
        }

        var connection = new LdapConnection(identifier) { AuthType = authType, Timeout = _options.OperationTimeout };
        try
        {
            connection.SessionOptions.ProtocolVersion = 3;
            connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
            if (_options.UseTls)
            {
                connection.SessionOptions.SecureSocketLayer = true;
                if (!OperatingSystem.IsWindows() && !string.IsNullOrEmpty(_options.TrustedCertificatesDirectory))
                {
                    connection.SessionOptions.TrustedCertificatesDirectory = _options.TrustedCertificatesDirectory;
                    connection.SessionOptions.StartNewTlsSessionContext();
                }
            }

            if (string.IsNullOrEmpty(_options.BindUser))
            {
                connection.Bind();
            }
            else
            {
                connection.Bind(new NetworkCredential(_options.BindUser, _options.BindPassword));
            }

            return connection;
        }
        catch (LdapException ex)
        {
            connection.Dispose();
            throw new DirectoryUnavailableException(
                $"Cannot bind to {_options.Server}:{_options.Port} as '{_options.BindUser ?? "(process identity)"}' ({_options.AuthType}, TLS {(_options.UseTls ? "on" : "off")}): LDAP {ex.ErrorCode} {ex.Message} {ex.ServerErrorMessage}",
                ex);
        }
    }

    private string ReadDomainDn()
    {
        if (!string.IsNullOrWhiteSpace(_options.DomainDn))
        {
            return _options.DomainDn;
        }

        using var connection = Open();
        var response = (SearchResponse)connection.SendRequest(
            new SearchRequest(null, "(objectClass=*)", SearchScope.Base, "defaultNamingContext"));
        return response.Entries[0].Attributes["defaultNamingContext"][0] as string
            ?? throw new DirectoryUnavailableException($"RootDSE of {_options.Server} has no defaultNamingContext.", null);
    }
}
