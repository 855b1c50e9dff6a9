using GroupWriteback.Cloud.Graph.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Tests.Emulation;

/// <summary>
/// The notification endpoint on its own loopback Kestrel, serving <c>POST /api/graph/notifications</c> through a
/// <see cref="GraphNotificationHandler"/>, so the emulator can validate it and deliver to it. Start it first (its
/// URL goes into the Graph settings), then hand it the handler built from those settings.
/// </summary>
internal sealed class NotificationEndpointHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NotificationEndpointHost(WebApplication app, Uri notificationUrl)
    {
        this._app = app;
        NotificationUrl = notificationUrl;
    }

    public Uri NotificationUrl { get; }

    /// <summary>Requests before a handler is set are answered 503.</summary>
    public GraphNotificationHandler? Handler { get; set; }

    public static async Task<NotificationEndpointHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        NotificationEndpointHost? host = null;
        app.MapPost("/api/graph/notifications", async (HttpContext context) =>
        {
            if (host?.Handler is not { } handler)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            var response = await handler.HandleAsync(context.Request.QueryString.Value, context.Request.Body, context.RequestAborted);
            context.Response.StatusCode = response.StatusCode;
            if (response.Body is not null)
            {
                context.Response.ContentType = response.ContentType;
                await context.Response.WriteAsync(response.Body, context.RequestAborted);
            }
        });
        await app.StartAsync();
        host = new NotificationEndpointHost(app, new Uri(new Uri(app.Urls.First()), "api/graph/notifications"));
        return host;
    }

    /// <summary>Sets the handler from the provider (which must hold an <see cref="IDeltaSignal"/>) and returns it.</summary>
    public GraphNotificationHandler Use(IServiceProvider services)
    {
        Handler = services.GetRequiredService<GraphNotificationHandler>();
        return Handler;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
