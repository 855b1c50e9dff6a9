using System.Globalization;
using System.Web;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Group;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Api;

/// <summary>
/// <c>GET /api/groups?search=&amp;outcome=&amp;limit=</c>: the groups that have writeback state, found by name, id or DN, with
/// every group counted by its last outcome. Reads each group's orchestration status once.
/// </summary>
internal sealed class GroupListHandler(DurableTaskClient client)
{
    /// <summary>Groups returned when the caller names no limit.</summary>
    public const int DefaultLimit = 200;

    /// <summary>Most groups one answer lists.</summary>
    public const int MaxLimit = 2000;

    /// <summary>The outcome key of a group that has no result yet.</summary>
    public const string NoOutcome = "none";

    /// <summary>The matching groups, sorted by display name; <c>limit=0</c> answers only the counts.</summary>
    public async Task<ApiResponse> ListAsync(string? queryString, CancellationToken cancellationToken)
    {
        var values = HttpUtility.ParseQueryString(queryString ?? string.Empty);
        var search = values["search"]?.Trim();
        var outcome = values["outcome"]?.Trim();
        var limit = DefaultLimit;
        if (values["limit"] is { Length: > 0 } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit > MaxLimit))
        {
            return ApiResponse.Error(400, ErrorCodes.InvalidArgument, $"'{ApiInput.Shorten(text)}' is not a number of groups from 0 to {MaxLimit}.", "limit");
        }

        var query = new OrchestrationQuery { InstanceIdPrefix = InstanceIds.GroupPrefix, FetchInputsAndOutputs = true, PageSize = 500 };
        var matches = new List<GroupReport>();
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            var status = GroupOrchestrations.ReadStatus(instance) ?? new GroupStatus { GroupId = InstanceIds.GroupIdOf(instance.InstanceId) ?? instance.InstanceId };
            var report = GroupReport.From(instance.InstanceId, WorkflowReports.RuntimeStatus(instance), status);
            var last = report.LastOutcome ?? NoOutcome;
            outcomes[last] = outcomes.GetValueOrDefault(last) + 1;
            if (Matches(report, search) && (string.IsNullOrEmpty(outcome) || string.Equals(last, outcome, StringComparison.OrdinalIgnoreCase)))
            {
                matches.Add(report);
            }
        }

        var listed = matches
            .OrderBy(g => g.DisplayName ?? g.GroupId, StringComparer.OrdinalIgnoreCase)
            .ThenBy(g => g.GroupId, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        return ApiResponse.Json(200, new GroupList(listed, matches.Count, outcomes), ApiJsonContext.Default.GroupList);
    }

    private static bool Matches(GroupReport group, string? search) =>
        string.IsNullOrEmpty(search)
        || group.GroupId.Contains(search, StringComparison.OrdinalIgnoreCase)
        || (group.DisplayName?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false)
        || (group.DistinguishedName?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false);
}
