using System.Collections.Frozen;
using GroupWriteback.Cloud.Api;

namespace GroupWriteback.Cloud.AdminConsole;

/// <summary>
/// The admin console's static files, embedded in this library (<c>Console/wwwroot</c>) so every host serves the same ones
/// and nothing is loaded from elsewhere at run time. The files are public; the API calls they make carry the signed-in
/// user's Entra ID token, or the admin key.
/// One instance (a singleton) reads them from the assembly once.
/// </summary>
public sealed class ConsoleFiles
{
    /// <summary>The prefix of the files' manifest resource names.</summary>
    public const string ResourcePrefix = "console/";

    /// <summary>The page served for the console's root.</summary>
    public const string Index = "index.html";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".ico"] = "image/x-icon",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, byte[]> _files = Load();

    /// <summary>Every file, by its path below the console's root (<c>js/app.js</c>).</summary>
    public IReadOnlyCollection<string> Paths => _files.Keys;

    /// <summary>The file at <paramref name="path"/> (the root gives <see cref="Index"/>), or a 404 in the API's error shape.</summary>
    public ApiResponse Serve(string? path)
    {
        var relative = string.IsNullOrEmpty(path) ? Index : path.TrimStart('/');
        if (!_files.TryGetValue(relative, out var content) || !ContentTypes.TryGetValue(Path.GetExtension(relative), out var type))
        {
            return ApiResponse.Error(404, ErrorCodes.NotFound, $"The console has no file '{ApiInput.Shorten(relative)}'.", "path");
        }

        return new ApiResponse(200, type, content);
    }

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(ConsoleFiles).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[name[ResourcePrefix.Length..].Replace('\\', '/')] = copy.ToArray();
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
