using System.Globalization;
using System.Web;
using GroupWriteback.Cloud.Audit;

namespace GroupWriteback.Cloud.Api;

/// <summary><c>GET /api/audit?group=&amp;outcome=&amp;since=&amp;limit=</c>: the audit trail, newest first.</summary>
internal sealed class AuditHandler(IAuditStore store)
{
    /// <summary>The entries the query selects; <c>limit</c> is capped at <see cref="AuditQuery.MaxLimit"/>.</summary>
    public async Task<ApiResponse> ListAsync(string? queryString, CancellationToken cancellationToken)
    {
        if (!TryQuery(queryString, out var query, out var error))
        {
            return error!;
        }

        var entries = await store.QueryAsync(query, cancellationToken);
        return ApiResponse.Json(200, new AuditList(entries, query.Limit), ApiJsonContext.Default.AuditList);
    }

    /// <summary>Reads the query string; a malformed value is a 400 naming it.</summary>
    public static bool TryQuery(string? queryString, out AuditQuery query, out ApiResponse? error)
    {
        var values = HttpUtility.ParseQueryString(queryString ?? string.Empty);
        query = new AuditQuery();
        error = null;
        if (values["group"] is { Length: > 0 } group)
        {
            if (!ApiInput.TryGroupId(group, "group", out var id, out error))
            {
                return false;
            }

            query = query with { GroupId = id };
        }

        if (values["outcome"] is { Length: > 0 } outcome)
        {
            query = query with { Outcome = ApiInput.Shorten(outcome) };
        }

        if (values["since"] is { Length: > 0 } since)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                error = ApiResponse.Error(400, ErrorCodes.InvalidArgument, $"'{ApiInput.Shorten(since)}' is not a time; expected ISO 8601 such as 2026-12-03T14:00:00Z.", "since");
                return false;
            }

            query = query with { Since = at };
        }

        if (values["limit"] is { Length: > 0 } limit)
        {
            if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
            {
                error = ApiResponse.Error(400, ErrorCodes.InvalidArgument, $"'{ApiInput.Shorten(limit)}' is not a positive number of entries.", "limit");
                return false;
            }

            query = query with { Limit = Math.Min(count, AuditQuery.MaxLimit) };
        }

        return true;
    }
}
