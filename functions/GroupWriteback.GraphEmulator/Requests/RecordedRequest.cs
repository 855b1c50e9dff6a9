namespace GroupWriteback.GraphEmulator.Requests;

/// <summary>One request the emulator answered: method, path with query string (decoded), and status.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, int StatusCode, DateTimeOffset At)
{
    public string Path => PathAndQuery.Split('?', 2)[0];
}
