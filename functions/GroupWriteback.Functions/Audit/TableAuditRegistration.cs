using Azure.Data.Tables;
using Azure.Identity;
using GroupWriteback.Cloud.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Functions.Audit;

/// <summary>Registers the Table Storage audit store; its options are validated at start.</summary>
internal static class TableAuditRegistration
{
    /// <summary>The audit trail in the table of <c>Audit:TableServiceUri</c> / <c>Audit:TableName</c>, as the app's identity.</summary>
    public static IServiceCollection AddTableAuditStore(this IServiceCollection services)
    {
        services.AddAuditTrail();
        services.AddOptions<TableAuditOptions>().BindConfiguration(AuditOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.TableServiceUri is { IsAbsoluteUri: true, Scheme: "https" }, "Audit:TableServiceUri is required: the storage account's https table endpoint (https://<account>.table.core.windows.net/).")
            .ValidateOnStart();
        services.TryAddSingleton<IAuditStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TableAuditOptions>>().Value;
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ClientId });
            return new TableAuditStore(new TableServiceClient(options.TableServiceUri, credential).GetTableClient(options.TableName));
        });
        return services;
    }
}
