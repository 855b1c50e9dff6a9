using Azure.Messaging.ServiceBus;

namespace GroupWriteback.Transport.ServiceBus;

/// <summary>Maps the broker's lock errors to the transport-neutral <see cref="MessageLockLostException"/>.</summary>
internal static class ServiceBusErrors
{
    public static bool IsLockLost(ServiceBusException exception) =>
        exception.Reason is ServiceBusFailureReason.MessageLockLost or ServiceBusFailureReason.SessionLockLost;

    public static async Task GuardLockAsync(Func<Task> settle, ServiceBusReceivedMessage message)
    {
        try
        {
            await settle();
        }
        catch (ServiceBusException ex) when (IsLockLost(ex))
        {
            throw LockLost(message.MessageId, message.SessionId, ex);
        }
    }

    public static MessageLockLostException LockLost(string? messageId, string? sessionId, ServiceBusException inner) =>
        new(
            $"The lock on message {messageId ?? "(none)"} (session {sessionId ?? "none"}) expired or was taken over ({inner.Reason}); it will be delivered again.",
            inner);
}
