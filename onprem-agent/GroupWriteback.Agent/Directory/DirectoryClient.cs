using System.Diagnostics;
using System.DirectoryServices.Protocols;
using GroupWriteback.Agent.Telemetry;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Agent.Directory;

/// <summary>
/// The LDAP operations the writer needs, over one bound connection, with every failure turned
/// into a <see cref="DirectoryWriteException"/> that names the DN and the result code.
/// </summary>
internal sealed class DirectoryClient : IDisposable
{
    private const int PageSize = 500;
    private readonly LdapConnection _connection;

    /// <summary>Wraps an open, bound connection (owned from now on).</summary>
    public DirectoryClient(LdapConnection connection, string domainDn)
    {
        _connection = connection;
        DomainDn = domainDn;
    }

    /// <summary>The domain naming context.</summary>
    public string DomainDn { get; }

    /// <summary>Times every request into the LDAP latency histogram, when set.</summary>
    public AgentTelemetry? Telemetry { get; init; }

    /// <summary>Reads one entry by DN, or null when it does not exist.</summary>
    public SearchResultEntry? Read(string dn, params string[] attributes) => Read(dn, [], attributes);

    /// <summary>Reads one entry by DN with request controls, or null when it does not exist.</summary>
    public SearchResultEntry? Read(string dn, DirectoryControl[] controls, params string[] attributes)
    {
        ArgumentNullException.ThrowIfNull(controls);
        try
        {
            var request = new SearchRequest(dn, "(objectClass=*)", SearchScope.Base, attributes);
            request.Controls.AddRange(controls);
            var response = (SearchResponse)Exchange(request);
            return response.Entries.Count > 0 ? response.Entries[0] : null;
        }
        catch (DirectoryOperationException ex) when (ex.Response?.ResultCode == System.DirectoryServices.Protocols.ResultCode.NoSuchObject)
        {
            return null;
        }
        catch (Exception ex) when (ex is DirectoryException)
        {
            throw Translate(ex, "read", dn);
        }
    }

    /// <summary>Searches with paging; returns every entry.</summary>
    public IReadOnlyList<SearchResultEntry> Search(string baseDn, string filter, SearchScope scope, params string[] attributes)
    {
        var results = new List<SearchResultEntry>();
        var request = new SearchRequest(baseDn, filter, scope, attributes);
        var paging = new PageResultRequestControl(PageSize) { IsCritical = false };
        request.Controls.Add(paging);
        try
        {
            while (true)
            {
                var response = (SearchResponse)Exchange(request);
                results.AddRange(response.Entries.Cast<SearchResultEntry>());
                var cookie = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault()?.Cookie;
                if (cookie is null || cookie.Length == 0)
                {
                    return results;
                }

                paging.Cookie = cookie;
            }
        }
        catch (DirectoryOperationException ex) when (ex.Response?.ResultCode == System.DirectoryServices.Protocols.ResultCode.NoSuchObject)
        {
            return results;
        }
        catch (Exception ex) when (ex is DirectoryException)
        {
            throw Translate(ex, $"search {filter} under", baseDn);
        }
    }

    /// <summary>Adds an entry.</summary>
    public void Add(string dn, IEnumerable<DirectoryAttribute> attributes) =>
        Send(new AddRequest(dn, attributes.ToArray()), "create", dn);

    /// <summary>Modifies an entry.</summary>
    public void Modify(string dn, IEnumerable<DirectoryAttributeModification> modifications) =>
        Send(new ModifyRequest(dn, modifications.ToArray()), "modify", dn);

    /// <summary>Renames and/or moves an entry (objectGUID is kept).</summary>
    public void MoveAndRename(string dn, string newParentDn, string newRdn) =>
        Send(new ModifyDNRequest(dn, newParentDn, newRdn) { DeleteOldRdn = true }, "rename/move", dn);

    /// <summary>Deletes a leaf entry.</summary>
    public void Delete(string dn) => Send(new DeleteRequest(dn), "delete", dn);

    /// <summary>Sends any request, translating failures.</summary>
    public DirectoryResponse Send(DirectoryRequest request, string operation, string dn)
    {
        try
        {
            return Exchange(request);
        }
        catch (Exception ex) when (ex is DirectoryException)
        {
            throw Translate(ex, operation, dn);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    /// <summary>
    /// The one place a request goes to the directory: every read, search and write passes here, is a span and a
    /// latency measurement, and is counted.
    /// </summary>
    private DirectoryResponse Exchange(DirectoryRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return LdapExchange.Send(_connection, request, Telemetry);
        }
        finally
        {
            DirectoryOperationCounters.Process.Record(request, Stopwatch.GetTimestamp() - started);
        }
    }

    private static DirectoryWriteException Translate(Exception ex, string operation, string dn)
    {
        if (ex is DirectoryOperationException { Response: { } response })
        {
            var reason = response.ResultCode switch
            {
                ResultCode.InsufficientAccessRights => FailureReason.AccessDenied,
                ResultCode.Busy or ResultCode.Unavailable or ResultCode.TimeLimitExceeded or ResultCode.AdminLimitExceeded => FailureReason.Transient,
                _ => FailureReason.DirectoryRejected,
            };
            return new DirectoryWriteException(
                reason,
                $"LDAP {operation} of '{dn}' failed: {response.ResultCode} ({(int)response.ResultCode}) {response.ErrorMessage}".TrimEnd(),
                dn,
                response.ResultCode,
                ex);
        }

        // LdapException: the connection itself failed (server down, timeout): retry later.
        var code = ex is LdapException ldap ? ldap.ErrorCode : 0;
        return new DirectoryWriteException(
            FailureReason.Transient,
            $"LDAP {operation} of '{dn}' failed: connection error {code} {ex.Message}".TrimEnd(),
            dn,
            null,
            ex);
    }
}
