using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.GraphEmulator.Tests.Support;

/// <summary>
/// A subscriber endpoint on its own loopback Kestrel: answers validation requests (correctly by default) and
/// records every notification body it accepts. It can be told to echo the token wrongly, to stay silent, or to
/// fail a number of deliveries first.
/// </summary>
public sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;
    private int _rejected;

    private NotificationReceiver(WebApplication app) => this._app = app;

    public enum ValidationBehavior
    {
        Echo,
        EchoEncoded,
        Silent,
    }

    public ValidationBehavior Validation { get; set; } = ValidationBehavior.Echo;

    /// <summary>Validation tokens received, decoded.</summary>
    public ConcurrentQueue<string> ValidationTokens { get; } = new();

    /// <summary>Accepted notification bodies, with the path they were posted to.</summary>
    public ConcurrentQueue<(string Path, JsonObject Body)> Notifications { get; } = new();

    public int RejectedDeliveries => _rejected;

    public Uri NotificationUrl => new(Root, "notify");

    public Uri LifecycleUrl => new(Root, "lifecycle");

    private Uri Root { get; set; } = null!;

    public static async Task<NotificationReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var receiver = new NotificationReceiver(app);
        app.MapPost("/{kind}", receiver.HandleAsync);
        await app.StartAsync();
        receiver.Root = new Uri(app.Urls.First());
        return receiver;
    }

    /// <summary>The next <paramref name="count"/> notification deliveries are answered 500.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    /// <summary>All change notification items received so far.</summary>
    public IReadOnlyList<JsonObject> Items(string path = "/notify") =>
        [.. Notifications.Where(n => n.Path == path).SelectMany(n => n.Body["value"]!.AsArray().Select(i => i!.AsObject()))];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        if (request.Query.TryGetValue("validationToken", out var token))
        {
            ValidationTokens.Enqueue(token.ToString());
            return Validation switch
            {
                ValidationBehavior.Echo => Results.Text(token.ToString(), "text/plain"),
                ValidationBehavior.EchoEncoded => Results.Text(Uri.EscapeDataString(token.ToString()), "text/plain"),
                _ => await SilentAsync(request),
            };
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            Interlocked.Increment(ref _rejected);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        var body = await JsonNode.ParseAsync(request.Body);
        Notifications.Enqueue((request.Path.Value!, body!.AsObject()));
        return Results.Accepted();
    }

    private static async Task<IResult> SilentAsync(HttpRequest request)
    {
        await Task.Delay(Timeout.Infinite, request.HttpContext.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        return Results.Empty;
    }
}
