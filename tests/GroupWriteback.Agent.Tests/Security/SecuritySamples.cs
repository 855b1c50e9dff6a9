namespace GroupWriteback.Agent.Tests.Security;

/// <summary>The real descriptors under Samples/ (see its README).</summary>
internal static class SecuritySamples
{
    public static TheoryData<string> Names { get; } = new(
        System.IO.Directory.GetFiles(Folder, "*.b64").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Security", "Samples");

    public static byte[] Read(string name) => Convert.FromBase64String(File.ReadAllText(Path.Combine(Folder, name + ".b64")).Trim());
}
