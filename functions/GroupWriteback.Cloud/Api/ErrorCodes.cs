namespace GroupWriteback.Cloud.Api;

/// <summary>The <c>error.code</c> values of the admin API.</summary>
public static class ErrorCodes
{
    /// <summary>A path or query value is malformed (400).</summary>
    public const string InvalidArgument = "invalidArgument";

    /// <summary>The request body is missing, not JSON, or fails validation (400).</summary>
    public const string InvalidBody = "invalidBody";

    /// <summary>The group or instance is unknown (404).</summary>
    public const string NotFound = "notFound";

    /// <summary>The singleton workflow already runs (409).</summary>
    public const string AlreadyRunning = "alreadyRunning";

    /// <summary>The instance is not waiting for an approval (409).</summary>
    public const string NotAwaitingApproval = "notAwaitingApproval";

    /// <summary>The decision names a preview other than the one the run waits on (409).</summary>
    public const string StalePreview = "stalePreview";

    /// <summary>Writeback is disabled; <c>POST /api/writeback/enable</c> turns it back on (409).</summary>
    public const string WritebackDisabled = "writebackDisabled";

    /// <summary>Writeback is not disabled, so there is nothing to enable (409).</summary>
    public const string WritebackNotDisabled = "writebackNotDisabled";

    /// <summary>Microsoft Graph refused or failed a request the endpoint needed (502; 503 when worth retrying).</summary>
    public const string GraphRequestFailed = "graphRequestFailed";

    /// <summary>The request carries no valid key or token (401).</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>The caller lacks the app role the route needs (403); <c>target</c> names the role.</summary>
    public const string Forbidden = "forbidden";

    /// <summary>Something failed on the server; the log has the details (500).</summary>
    public const string InternalError = "internalError";

    /// <summary>A dependency (Graph, the task hub, the queue) is unavailable (503).</summary>
    public const string Unavailable = "unavailable";
}
