using System.ComponentModel.DataAnnotations;
using GroupWriteback.Cloud.Audit;

namespace GroupWriteback.Functions.Audit;

/// <summary>Where the Functions app keeps its audit trail (section "Audit", beside <see cref="AuditOptions"/>).</summary>
internal sealed class TableAuditOptions
{
    /// <summary>The storage account's table endpoint, e.g. <c>https://stxyz.table.core.windows.net/</c>.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>The table (created at first use when missing).</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Audit:TableName must be 3 to 63 letters and digits, starting with a letter.")]
    public string TableName { get; set; } = "audit";

    /// <summary>Client id of the app's user-assigned identity; empty uses the default credential chain.</summary>
    public string? ClientId { get; set; }
}
