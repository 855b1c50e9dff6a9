namespace GroupWriteback.Cloud.Api;

/// <summary>Reads a request body for any host, stopping one byte past <see cref="ApiInput.MaxBodyBytes"/> so the handler can refuse it.</summary>
internal static class ApiBody
{
    /// <summary>The body's bytes, at most <see cref="ApiInput.MaxBodyBytes"/> + 1.</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while (buffer.Length <= ApiInput.MaxBodyBytes && (read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
