using GroupWriteback.Transport.ServiceBus;

namespace GroupWriteback.Transport.Tests.Hosting;

public sealed class ServiceBusTransportOptionsValidatorTests
{
    [Fact]
    public void Validate_NamespaceAndConnectionString_FailsNamingBoth()
    {
        var options = new ServiceBusTransportOptions { FullyQualifiedNamespace = "sb.example.net", ConnectionString = "Endpoint=sb://x/" };

        var result = new ServiceBusTransportOptionsValidator().Validate(null, options);

        Assert.Contains("not both", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SameQueueTwice_Fails()
    {
        var options = new ServiceBusTransportOptions { FullyQualifiedNamespace = "sb.example.net", CommandsQueue = "q", ResultsQueue = "Q" };

        var result = new ServiceBusTransportOptionsValidator().Validate(null, options);

        Assert.Contains("ServiceBus:ResultsQueue", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConnectionStringWithClientId_Fails()
    {
        var options = new ServiceBusTransportOptions { ConnectionString = "Endpoint=sb://x/", ClientId = "abc" };

        var result = new ServiceBusTransportOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
    }

    [Fact]
    public void EntityFor_UnknownQueue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceBusTransportOptions().EntityFor("other"));
    }
}
