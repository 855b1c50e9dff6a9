using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Audit;

/// <summary>Registers the audit trail: options validated at start, the trail and its retention; the host adds the store.</summary>
public static class AuditServiceCollectionExtensions
{
    /// <summary>The trail and its retention; the host registers an <see cref="IAuditStore"/> (<see cref="AddSqliteAuditStore"/>, or Table Storage).</summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditTrail>();
        services.TryAddSingleton<AuditRetention>();
        return services;
    }

    /// <summary>The audit trail in the SQLite file of <c>Audit:Path</c>, required at start.</summary>
    public static IServiceCollection AddSqliteAuditStore(this IServiceCollection services)
    {
        services.AddAuditTrail();
        services.AddOptions<AuditOptions>().Validate(
            o => !string.IsNullOrWhiteSpace(o.Path),
            $"{AuditOptions.SectionName}:{nameof(AuditOptions.Path)} is required: the SQLite file of the audit trail.");
        services.TryAddSingleton<IAuditStore, SqliteAuditStore>();
        return services;
    }
}
