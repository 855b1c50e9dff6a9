using Microsoft.Extensions.Logging;

namespace GroupWriteback.Agent.Security;

/// <summary>Log messages of permission grants.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Granted writeback rights to {Account} on {Dn}: {Added} ACEs added")]
    public static partial void Granted(ILogger logger, string account, string dn, int added);
}
