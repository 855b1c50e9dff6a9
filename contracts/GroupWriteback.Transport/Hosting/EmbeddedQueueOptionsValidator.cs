using GroupWriteback.Transport.Embedded;
using GroupWriteback.Transport.ServiceBus;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Transport.Hosting;

/// <summary>Says which setting is missing when neither Service Bus nor the embedded queue is configured.</summary>
public sealed class EmbeddedQueueOptionsValidator : IValidateOptions<EmbeddedQueueOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EmbeddedQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.Path)
            ? ValidateOptionsResult.Fail(
                $"{EmbeddedQueueOptions.SectionName}:{nameof(options.Path)} is required: set it to the queue file shared with the other side, " +
                $"or configure {ServiceBusTransportOptions.SectionName}:{nameof(ServiceBusTransportOptions.FullyQualifiedNamespace)} " +
                $"(or {ServiceBusTransportOptions.SectionName}:{nameof(ServiceBusTransportOptions.ConnectionString)}) to use Azure Service Bus.")
            : ValidateOptionsResult.Success;
    }
}
