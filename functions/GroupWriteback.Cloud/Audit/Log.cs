using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Audit;

/// <summary>Log messages of the audit trail (event ids 2200–2299).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "Audit trail: {Count} entries older than {Days} days (before {Cutoff:o}) pruned")]
    public static partial void Pruned(ILogger logger, int count, int days, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Error, Message = "Audit trail: {Count} entries could not be written; the results were delivered all the same")]
    public static partial void AppendFailed(ILogger logger, Exception exception, int count);
}
