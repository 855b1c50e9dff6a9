using Microsoft.Extensions.Logging;
using Microsoft.Graph;

namespace GroupWriteback.Cloud.Graph;

/// <summary>
/// The SDK clients the Graph access layer uses: <see cref="Service"/> on the configured service root, and
/// <see cref="Groups"/> for group property reads, which is the <c>beta</c> sibling when
/// <see cref="GraphOptions.ReadWritebackConfiguration"/> asks for a property only beta serves.
/// </summary>
internal sealed class GraphClients
{
    private GraphClients(GraphServiceClient service, GraphServiceClient groups, Uri serviceRoot, Uri groupRoot)
    {
        Service = service;
        Groups = groups;
        ServiceRoot = serviceRoot;
        GroupRoot = groupRoot;
    }

    public GraphServiceClient Service { get; }

    public GraphServiceClient Groups { get; }

    /// <summary>The configured service root without a trailing slash.</summary>
    public Uri ServiceRoot { get; }

    /// <summary>Where group properties are read.</summary>
    public Uri GroupRoot { get; }

    public static GraphClients Create(GraphOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var credential = GraphCredentialFactory.Create(options);
        var serviceRoot = Trimmed(options.BaseUrl);
        var groupRoot = GroupRootFor(options);
        var service = GraphServiceClientFactory.Create(options, credential, logger, serviceRoot);
        var groups = groupRoot == serviceRoot ? service : GraphServiceClientFactory.Create(options, credential, logger, groupRoot);
        return new GraphClients(service, groups, serviceRoot, groupRoot);
    }

    /// <summary><c>…/v1.0</c> becomes <c>…/beta</c> when writebackConfiguration is read; any other root is kept.</summary>
    internal static Uri GroupRootFor(GraphOptions options)
    {
        var root = Trimmed(options.BaseUrl);
        var text = root.ToString();
        return options.ReadWritebackConfiguration && text.EndsWith("/v1.0", StringComparison.OrdinalIgnoreCase)
            ? new Uri(text[..^"v1.0".Length] + "beta")
            : root;
    }

    /// <summary>
    /// Whether a stored or returned link (nextLink, deltaLink) points at the same scheme and host as the service;
    /// the credential's token is never sent anywhere else.
    /// </summary>
    public bool IsServiceLink(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, ServiceRoot.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, ServiceRoot.Authority, StringComparison.OrdinalIgnoreCase);

    private static Uri Trimmed(Uri url) => new(url.ToString().TrimEnd('/'));
}
