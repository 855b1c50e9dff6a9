using System.DirectoryServices.Protocols;
using GroupWriteback.Agent.Directory;

namespace GroupWriteback.Agent.Security;

/// <summary>
/// Reads and writes an object's DACL through <c>nTSecurityDescriptor</c> with the SD flags
/// control (1.2.840.113556.1.4.801) set to DACL only: the owner, group and SACL are neither read
/// nor written, so no privilege beyond WRITE_DAC is needed and they cannot be clobbered.
/// </summary>
internal static class DirectorySecurity
{
    private const string Attribute = "nTSecurityDescriptor";

    /// <summary>The object's descriptor, carrying only its DACL.</summary>
    public static SecurityDescriptor ReadDacl(DirectoryClient client, string dn)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = new SearchRequest(dn, "(objectClass=*)", SearchScope.Base, Attribute);
        request.Controls.Add(DaclOnly());
        var response = (SearchResponse)client.Send(request, "read the security descriptor of", dn);
        if (response.Entries.Count == 0 || !response.Entries[0].Attributes.Contains(Attribute))
        {
            throw new DirectoryWriteException(Contracts.Results.FailureReason.AccessDenied, $"The security descriptor of '{dn}' cannot be read by this account.", dn);
        }

        var bytes = (byte[])response.Entries[0].Attributes[Attribute].GetValues(typeof(byte[]))[0];
        try
        {
            return SecurityDescriptor.Decode(bytes);
        }
        catch (FormatException ex)
        {
            throw new DirectoryWriteException(Contracts.Results.FailureReason.DirectoryRejected, $"The security descriptor of '{dn}' is malformed: {ex.Message}", dn, null, ex);
        }
    }

    /// <summary>Replaces the object's DACL with the one in <paramref name="descriptor"/>.</summary>
    public static void WriteDacl(DirectoryClient client, string dn, SecurityDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(descriptor);
        var request = new ModifyRequest(dn, DirectoryAttributeOperation.Replace, Attribute, descriptor.Encode());
        request.Controls.Add(DaclOnly());
        client.Send(request, "write the DACL of", dn);
    }

    private static SecurityDescriptorFlagControl DaclOnly() => new(SecurityMasks.Dacl) { IsCritical = true };
}
