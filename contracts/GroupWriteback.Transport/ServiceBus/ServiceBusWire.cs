using System.Globalization;
using Azure.Messaging.ServiceBus;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Transport.ServiceBus;

/// <summary>
/// How commands and results travel as Service Bus messages: the body is the wire JSON, the
/// content type says so, <c>Subject</c> is the kind, and the <c>wireVersion</c> application
/// property carries the version so a receiver can route or reject without parsing the body.
/// </summary>
public static class ServiceBusWire
{
    /// <summary>The content type of every message.</summary>
    public const string ContentType = "application/json";

    /// <summary>The application property holding the wire format version.</summary>
    public const string WireVersionProperty = "wireVersion";

    /// <summary>Dead-letter reason and description are cut to this length, the broker's header limit.</summary>
    public const int MaxDeadLetterTextLength = 4096;

    /// <summary>Longest message id Service Bus accepts.</summary>
    public const int MaxMessageIdLength = 128;

    /// <summary>The message for a command: session id = group id, message id = command id.</summary>
    public static ServiceBusMessage ToMessage(WritebackCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Message(WireSerializer.Serialize(command), command.CommandId, command.GroupId, command.Kind, command.Version);
    }

    /// <summary>The message for a result: message id = command id, no session.</summary>
    public static ServiceBusMessage ToMessage(WritebackResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Message(WireSerializer.Serialize(result), result.CommandId, null, result.CommandKind, result.Version);
    }

    /// <summary>Cuts a dead-letter text to what the broker accepts.</summary>
    public static string Fit(string? text) =>
        text is null ? string.Empty : text.Length <= MaxDeadLetterTextLength ? text : text[..MaxDeadLetterTextLength];

    private static ServiceBusMessage Message(byte[] body, string messageId, string? sessionId, string subject, int version)
    {
        var message = new ServiceBusMessage(body)
        {
            MessageId = messageId,
            ContentType = ContentType,
            Subject = subject,
        };
        if (sessionId is not null)
        {
            message.SessionId = sessionId;
        }

        message.ApplicationProperties[WireVersionProperty] = version.ToString(CultureInfo.InvariantCulture);
        return message;
    }
}
