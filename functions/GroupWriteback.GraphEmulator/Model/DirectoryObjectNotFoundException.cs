namespace GroupWriteback.GraphEmulator.Model;

/// <summary>A user or group id that the tenant does not hold.</summary>
internal sealed class DirectoryObjectNotFoundException : Exception
{
    public DirectoryObjectNotFoundException()
    {
    }

    public DirectoryObjectNotFoundException(string message)
        : base(message)
    {
    }

    public DirectoryObjectNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static DirectoryObjectNotFoundException ForId(string objectId) =>
        new($"Resource '{objectId}' does not exist or one of its queried reference-property objects are not present.");
}
