using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using GroupWriteback.Cloud.Audit;

namespace GroupWriteback.Functions.Audit;

/// <summary>
/// How an <see cref="AuditEntry"/> is stored in Table Storage: one partition, row keys of inverted ticks so a plain
/// partition scan returns the newest first, the entry's fields as properties. Pure, so it is tested without a service.
/// </summary>
internal static class AuditTableEntities
{
    /// <summary>The one partition of the audit table.</summary>
    public const string Partition = "audit";

    /// <summary>The row key's time part: ticks counted down from <see cref="DateTimeOffset.MaxValue"/>, 19 digits.</summary>
    public static string TimeKey(DateTimeOffset time) =>
        (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The row key: <see cref="TimeKey"/>, then the entry id without the characters Table Storage refuses in keys.</summary>
    public static string RowKey(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var id = new StringBuilder(entry.Id.Length);
        foreach (var c in entry.Id)
        {
            id.Append(c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c);
        }

        return TimeKey(entry.Time) + "_" + id;
    }

    /// <summary>The entity written for <paramref name="entry"/>.</summary>
    public static TableEntity ToEntity(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new TableEntity(Partition, RowKey(entry))
        {
            [nameof(AuditEntry.Id)] = entry.Id,
            [nameof(AuditEntry.Time)] = entry.Time.ToUniversalTime(),
            [nameof(AuditEntry.Kind)] = entry.Kind,
            [nameof(AuditEntry.GroupId)] = entry.GroupId,
            [nameof(AuditEntry.DistinguishedName)] = entry.DistinguishedName,
            [nameof(AuditEntry.CommandKind)] = entry.CommandKind,
            [nameof(AuditEntry.CommandId)] = entry.CommandId,
            [nameof(AuditEntry.Changes)] = entry.Changes,
            [nameof(AuditEntry.Outcome)] = entry.Outcome,
            [nameof(AuditEntry.FailureReason)] = entry.FailureReason,
            [nameof(AuditEntry.Message)] = Fit(entry.Message),
            [nameof(AuditEntry.TraceId)] = entry.TraceId,
            [nameof(AuditEntry.Actor)] = entry.Actor,
        };
    }

    /// <summary>The entry an entity holds.</summary>
    public static AuditEntry FromEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new AuditEntry(
            entity.GetString(nameof(AuditEntry.Id)) ?? entity.RowKey,
            entity.GetDateTimeOffset(nameof(AuditEntry.Time)) ?? entity.Timestamp ?? DateTimeOffset.MinValue,
            entity.GetString(nameof(AuditEntry.Kind)) ?? AuditKinds.Command,
            entity.GetString(nameof(AuditEntry.GroupId)),
            entity.GetString(nameof(AuditEntry.DistinguishedName)),
            entity.GetString(nameof(AuditEntry.CommandKind)),
            entity.GetString(nameof(AuditEntry.CommandId)),
            entity.GetString(nameof(AuditEntry.Changes)),
            entity.GetString(nameof(AuditEntry.Outcome)) ?? string.Empty,
            entity.GetString(nameof(AuditEntry.FailureReason)),
            entity.GetString(nameof(AuditEntry.Message)),
            entity.GetString(nameof(AuditEntry.TraceId)),
            entity.GetString(nameof(AuditEntry.Actor)));
    }

    /// <summary>The OData filter of <paramref name="query"/>, its values escaped by the SDK.</summary>
    public static string Filter(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parts = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {Partition}") };
        if (query.Since is { } since)
        {
            // Rows sort newest first, so "at or after since" is every row key up to since's time key.
            parts.Add(TableClient.CreateQueryFilter($"RowKey lt {TimeKey(since) + "`"}"));
        }

        if (query.GroupId is { } group)
        {
            parts.Add(TableClient.CreateQueryFilter($"GroupId eq {group}"));
        }

        if (query.Outcome is { } outcome)
        {
            parts.Add(TableClient.CreateQueryFilter($"Outcome eq {outcome}"));
        }

        return string.Join(" and ", parts);
    }

    /// <summary>The filter of the rows older than <paramref name="cutoff"/>.</summary>
    public static string OlderThan(DateTimeOffset cutoff) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {TimeKey(cutoff) + "`"}");

    /// <summary>A string property holds at most 32K UTF-16 characters.</summary>
    private static string? Fit(string? text) => text is { Length: > 32_000 } ? text[..32_000] : text;
}
