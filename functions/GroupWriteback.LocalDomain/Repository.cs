namespace GroupWriteback.LocalDomain;

/// <summary>Where the checkout is, for tests that read or write files of the repository.</summary>
public static class Repository
{
    /// <summary>The folder holding GroupWriteback.sln above the test assembly, or null when there is none.</summary>
    public static string? Root { get; } = Find();

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GroupWriteback.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
