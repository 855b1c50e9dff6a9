using System.Globalization;
using System.Text;
using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Cloud.Audit;
using GroupWriteback.Transport;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Api;

/// <summary>
/// <c>GET /api/dead-letters</c>, <c>POST /api/dead-letters/{queue}/{id}/resubmit</c> and <c>…/discard</c>: the dead letters of
/// both queues and an operator's decision on one. Each decision is filed in the audit trail.
/// </summary>
internal sealed class DeadLetterHandler(IDeadLetterReader deadLetters, AuditTrail audit, TimeProvider time, ILogger<DeadLetterHandler> logger)
{
    /// <summary>Most dead letters listed per queue.</summary>
    public const int MaxPerQueue = 200;

    /// <summary>Longest body text returned.</summary>
    public const int MaxBodyChars = 16 * 1024;

    private static readonly string[] Queues = [QueueNames.Commands, QueueNames.Results];

    /// <summary>Both queues' dead letters, oldest first; a queue that cannot be read is named in <see cref="DeadLetterList.Errors"/>.</summary>
    public async Task<ApiResponse> ListAsync(CancellationToken cancellationToken)
    {
        var reports = new List<DeadLetterReport>();
        var errors = new List<QueueReport>();
        foreach (var queue in Queues)
        {
            try
            {
                reports.AddRange((await deadLetters.ReadDeadLettersAsync(queue, MaxPerQueue, cancellationToken)).Select(Report));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // As for the status' queue counts: one unreadable queue does not hide the other.
                Log.QueueCountsUnavailable(logger, queue, ex.Message);
                errors.Add(new QueueReport(queue, null, null, null, $"{ex.GetType().Name}: {ex.Message}"));
            }
        }

        return ApiResponse.Json(200, new DeadLetterList(reports, errors), ApiJsonContext.Default.DeadLetterList);
    }

    /// <summary>Sends the dead letter back to its queue and removes it; 404 when there is no such dead letter.</summary>
    public Task<ApiResponse> ResubmitAsync(string? queue, string? id, AdminPrincipal caller, CancellationToken cancellationToken) =>
        DecideAsync(queue, id, "resubmitted", deadLetters.ResubmitAsync, caller, cancellationToken);

    /// <summary>Removes the dead letter; 404 when there is no such dead letter.</summary>
    public Task<ApiResponse> DiscardAsync(string? queue, string? id, AdminPrincipal caller, CancellationToken cancellationToken) =>
        DecideAsync(queue, id, "discarded", deadLetters.DiscardAsync, caller, cancellationToken);

    private async Task<ApiResponse> DecideAsync(
        string? queue, string? id, string status, Func<string, long, CancellationToken, Task<bool>> settle, AdminPrincipal caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (queue is not (QueueNames.Commands or QueueNames.Results))
        {
            return ApiResponse.Error(400, ErrorCodes.InvalidArgument, $"'{ApiInput.Shorten(queue)}' is not a queue; expected {QueueNames.Commands} or {QueueNames.Results}.", "queue");
        }

        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return ApiResponse.Error(400, ErrorCodes.InvalidArgument, $"'{ApiInput.Shorten(id)}' is not a dead letter id (its sequence number).", "id");
        }

        var message = (await deadLetters.ReadDeadLettersAsync(queue, MaxPerQueue, cancellationToken)).FirstOrDefault(m => m.SequenceNumber == sequence);
        if (!await settle(queue, sequence, cancellationToken))
        {
            return ApiResponse.Error(404, ErrorCodes.NotFound, $"{queue} has no dead letter {sequence}; GET /api/dead-letters lists them.", "id");
        }

        await audit.RecordAsync([AuditEntries.FromDeadLetter(queue, sequence, message, status, caller.Describe(), time.GetUtcNow())], cancellationToken);
        return ApiResponse.Json(200, new DeadLetterAction(queue, sequence, status), ApiJsonContext.Default.DeadLetterAction);
    }

    private static DeadLetterReport Report(DeadLetteredMessage message)
    {
        var body = Encoding.UTF8.GetString(message.Body.Span);
        return new DeadLetterReport(
            message.Queue,
            message.SequenceNumber,
            message.MessageId,
            message.SessionId,
            message.Reason,
            message.Description,
            message.EnqueuedAt,
            message.DeliveryCount,
            body.Length <= MaxBodyChars ? body : body[..MaxBodyChars] + "…");
    }
}
