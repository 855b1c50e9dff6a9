using System.Runtime.InteropServices;

namespace GroupWriteback.Agent.Directory;

/// <summary>
/// Kerberos (Negotiate) binds through OpenLDAP's SASL on Linux need two client settings that
/// System.DirectoryServices.Protocols does not expose:
/// <list type="bullet">
/// <item><c>LDAPSASL_SECPROPS=maxssf=0</c> over LDAPS: Active Directory (and Samba) refuse Kerberos signing or
/// sealing inside TLS ("Cannot start kerberos signing/sealing when using TLS/SSL").</item>
/// <item><c>LDAPSASL_NOCANON=on</c>: the service principal is <c>ldap/&lt;Directory:Server&gt;</c> as configured, not a
/// name found by reverse DNS, which often differs from the DC's registered name.</item>
/// </list>
/// libldap reads them from the process environment once, when it first initialises, so they are put there
/// natively (the managed environment is not what native code reads) before the first connection. A value the
/// administrator set already is kept.
/// </summary>
internal static partial class KerberosOverTls
{
    private static readonly Lock Gate = new();
    private static bool _applied;

    public static void ApplyDefaults(bool useTls)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        lock (Gate)
        {
            if (_applied)
            {
                return;
            }

            _ = SetEnvironment("LDAPSASL_NOCANON", "on", overwrite: 0);
            if (useTls)
            {
                _ = SetEnvironment("LDAPSASL_SECPROPS", "maxssf=0", overwrite: 0);
            }

            _applied = true;
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironment(string name, string value, int overwrite);
}
