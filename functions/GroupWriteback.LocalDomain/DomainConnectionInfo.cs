using System.Text.Json;
using System.Text.Json.Serialization;

namespace GroupWriteback.LocalDomain;

/// <summary>
/// What <c>tests/dc/provision.sh</c> writes to <c>connection.json</c>: how to reach the test
/// domain controller and as whom.
/// </summary>
public sealed record DomainConnectionInfo
{
    /// <summary>Address of the DC (an address its certificate names).</summary>
    public required string Server { get; init; }

    /// <summary>Plain LDAP port (StartTLS only: the DC refuses simple binds in clear text).</summary>
    public int LdapPort { get; init; } = 389;

    /// <summary>LDAPS port.</summary>
    public int LdapsPort { get; init; } = 636;

    /// <summary>Kerberos realm, e.g. CORP.TEST.</summary>
    public required string Realm { get; init; }

    /// <summary>NetBIOS domain name, e.g. CORP.</summary>
    public required string Domain { get; init; }

    /// <summary>Domain naming context, e.g. DC=corp,DC=test.</summary>
    public required string DomainDn { get; init; }

    /// <summary>The administrator's DN.</summary>
    public required string AdminDn { get; init; }

    /// <summary>The administrator's UPN.</summary>
    public required string AdminUpn { get; init; }

    /// <summary>The administrator's password.</summary>
    public required string AdminPassword { get; init; }

    /// <summary><c>openssl rehash</c>ed directory holding the test CA.</summary>
    public required string TrustedCertificatesDirectory { get; init; }

    /// <summary>The test CA certificate (PEM).</summary>
    public string? CaFile { get; init; }

    /// <summary>The DC's state directory.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Reads <paramref name="path"/>; a missing field fails naming the file.</summary>
    public static DomainConnectionInfo Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), ConnectionJsonContext.Default.DomainConnectionInfo)
                ?? throw new InvalidDataException($"{path} holds JSON null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a valid test DC connection file: {ex.Message}", ex);
        }
    }
}

/// <summary>Source-generated reader of connection.json.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DomainConnectionInfo))]
internal sealed partial class ConnectionJsonContext : JsonSerializerContext;
