using System.Diagnostics;
using System.DirectoryServices.Protocols;

namespace GroupWriteback.Agent.Telemetry;

/// <summary>
/// Sends one LDAP request as a child span of the current one (the command being applied) and times it into
/// <see cref="InstrumentNames.LdapDuration"/>, tagged with the operation and the result code.
/// </summary>
internal static class LdapExchange
{
    /// <summary>Sends <paramref name="request"/> on <paramref name="connection"/>; exceptions pass through unchanged.</summary>
    public static DirectoryResponse Send(LdapConnection connection, DirectoryRequest request, AgentTelemetry? telemetry)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(request);
        var operation = Operation(request);
        using var span = AgentTelemetry.Source.StartActivity($"ldap {operation}", ActivityKind.Client);
        span?.SetTag(TagNames.LdapOperation, operation);
        span?.SetTag(TagNames.LdapDn, Dn(request));
        var started = Stopwatch.GetTimestamp();
        var result = "ConnectionError";
        try
        {
            var response = connection.SendRequest(request);
            result = response.ResultCode.ToString();
            return response;
        }
        catch (DirectoryOperationException ex) when (ex.Response is not null)
        {
            result = ex.Response.ResultCode.ToString();
            throw;
        }
        finally
        {
            telemetry?.LdapRequest(operation, result, Stopwatch.GetElapsedTime(started));
            span?.SetTag(TagNames.LdapResult, result);
            // A base search for an entry that does not exist is how the writer asks whether it exists.
            if (result != nameof(ResultCode.Success) && !(request is SearchRequest && result == nameof(ResultCode.NoSuchObject)))
            {
                span?.SetStatus(ActivityStatusCode.Error, result);
            }
        }
    }

    /// <summary>The <see cref="TagNames.LdapOperation"/> value of a request.</summary>
    public static string Operation(DirectoryRequest request) => request switch
    {
        SearchRequest => "search",
        AddRequest => "add",
        ModifyRequest => "modify",
        ModifyDNRequest => "modify_dn",
        DeleteRequest => "delete",
        _ => "other",
    };

    private static string? Dn(DirectoryRequest request) => request switch
    {
        SearchRequest search => search.DistinguishedName,
        AddRequest add => add.DistinguishedName,
        ModifyRequest modify => modify.DistinguishedName,
        ModifyDNRequest move => move.DistinguishedName,
        DeleteRequest delete => delete.DistinguishedName,
        _ => null,
    };
}
