namespace GroupWriteback.GraphEmulator.Model;

/// <summary>A change that contradicts the tenant's state, such as adding a member twice.</summary>
internal sealed class DirectoryConflictException : Exception
{
    public DirectoryConflictException()
    {
    }

    public DirectoryConflictException(string message)
        : base(message)
    {
    }

    public DirectoryConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
