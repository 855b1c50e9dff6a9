using System.Text.Json;
using System.Text.Json.Nodes;

namespace GroupWriteback.LocalHost.Bridge;

/// <summary>Writes configuration keys (<c>Section:Key</c>, arrays as <c>Key:0</c>) as the nested JSON a settings file holds.</summary>
internal static class SettingsFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes <paramref name="settings"/> to <paramref name="path"/>, readable only by its owner (it may hold a password).</summary>
    public static void Write(string path, IEnumerable<KeyValuePair<string, string>> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var root = new JsonObject();
        foreach (var (key, value) in settings)
        {
            var parts = key.Split(':');
            var node = root;
            foreach (var part in parts[..^1])
            {
                node = node[part] as JsonObject ?? (JsonObject)(node[part] = new JsonObject());
            }

            node[parts[^1]] = value;
        }

        File.WriteAllText(path, root.ToJsonString(Indented));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
