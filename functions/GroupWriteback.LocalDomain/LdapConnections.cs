using System.DirectoryServices.Protocols;
using System.Net;

namespace GroupWriteback.LocalDomain;

/// <summary>Opens LDAPS connections to the test DC, verified against its own test CA.</summary>
internal static class LdapConnections
{
    public static LdapConnection Open(DomainConnectionInfo info, string user, string password, TimeSpan timeout)
    {
        var connection = new LdapConnection(new LdapDirectoryIdentifier(info.Server, info.LdapsPort, fullyQualifiedDnsHostName: true, connectionless: false))
        {
            AuthType = AuthType.Basic,
            Timeout = timeout,
        };
        try
        {
            connection.SessionOptions.ProtocolVersion = 3;
            connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
            connection.SessionOptions.SecureSocketLayer = true;
            if (!OperatingSystem.IsWindows())
            {
                // VerifyServerCertificate is not supported off Windows; a trusted CA directory is.
                connection.SessionOptions.TrustedCertificatesDirectory = info.TrustedCertificatesDirectory;
                connection.SessionOptions.StartNewTlsSessionContext();
            }

            connection.Bind(new NetworkCredential(user, password));
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
