using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Transport;

/// <summary>
/// Turns a delivered body into a received command or result. A body that is not valid wire JSON
/// becomes a message with a <c>FormatError</c> instead of an exception, so the consumer can
/// dead-letter it and keep the rest of the queue flowing.
/// </summary>
internal static class ReceivedMessages
{
    public static ReceivedCommand Command(ReadOnlySpan<byte> body, string messageId, string sessionId, int deliveryCount, IMessageSettlement settlement)
    {
        WritebackCommand? command = null;
        string? error = null;
        try
        {
            command = WireSerializer.DeserializeCommand(body);
        }
        catch (WireFormatException ex)
        {
            error = ex.Message;
        }

        return new SettledReceivedCommand(settlement)
        {
            MessageId = messageId,
            SessionId = sessionId,
            DeliveryCount = deliveryCount,
            Command = command,
            FormatError = error,
        };
    }

    public static ReceivedResult Result(ReadOnlySpan<byte> body, string messageId, int deliveryCount, IMessageSettlement settlement)
    {
        WritebackResult? result = null;
        string? error = null;
        try
        {
            result = WireSerializer.DeserializeResult(body);
        }
        catch (WireFormatException ex)
        {
            error = ex.Message;
        }

        return new SettledReceivedResult(settlement)
        {
            MessageId = messageId,
            DeliveryCount = deliveryCount,
            Result = result,
            FormatError = error,
        };
    }
}
