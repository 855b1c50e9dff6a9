using GroupWriteback.Agent.Configuration;
using GroupWriteback.Agent.Directory;
using GroupWriteback.Agent.Telemetry;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// Opens a directory connection and builds the context handlers run in. The schema is probed
/// once per process: it changes only when an administrator extends it (restart the agent then).
/// </summary>
internal sealed class WritebackContextFactory
{
    private readonly IDirectoryConnectionFactory _connections;
    private readonly DirectoryOptions _options;
    private readonly ScopeGuard _scope;
    private readonly AgentTelemetry? _telemetry;
    private readonly DirectoryMemory _memory = new();
    private SchemaCapabilities? _schema;

    /// <summary>Creates the factory.</summary>
    public WritebackContextFactory(IDirectoryConnectionFactory connections, IOptions<DirectoryOptions> options, ScopeGuard scope, AgentTelemetry? telemetry = null)
    {
        _telemetry = telemetry;
        _connections = connections;
        _options = options.Value;
        _scope = scope;
    }

    /// <summary>Opens a context; the caller disposes its <see cref="WritebackContext.Directory"/>.</summary>
    public WritebackContext Open(bool dryRun = false, SchemaCapabilities? schemaOverride = null)
    {
        var client = new DirectoryClient(_connections.Open(), _connections.DomainDn) { Telemetry = _telemetry };
        try
        {
            var schema = schemaOverride ?? (_schema ??= SchemaCapabilityProbe.Probe(client));
            return new WritebackContext(client, schema, _scope, _options.MemberBatchSize, dryRun, _options.AllowDomainRootGrants)
            {
                MaxSamAccountName = _options.SamAccountNameMaxLength,
                Memory = _memory,
            };
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
