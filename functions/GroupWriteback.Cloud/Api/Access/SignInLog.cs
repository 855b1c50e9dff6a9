using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Api.Access;

/// <summary>Log messages of admin API sign-in (event ids 4050–4059, in the Api range).</summary>
internal static partial class SignInLog
{
    [LoggerMessage(EventId = 4050, Level = LogLevel.Warning, Message = "Admin API bearer token refused: {Reason}")]
    public static partial void TokenRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 4051, Level = LogLevel.Debug, Message = "Admin API caller {Principal} signed in with Entra ID, roles {Roles}")]
    public static partial void TokenAccepted(ILogger logger, string principal, string roles);

}
