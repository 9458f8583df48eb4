using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Rectify.IntegrationTests.Webhooks;

/// <summary>One request as the receiver saw it, and how it answered (null when the sender hung up first).</summary>
public sealed record ReceivedWebhook(string Path, string Id, string Timestamp, string Signature, string ContentType, string Body,
    DateTimeOffset At, int? AnsweredStatus);

/// <summary>
/// A subscriber's endpoint on 127.0.0.1: records every request (failed ones too), answers with the status the test
/// sets, can hold requests open, and can be stopped and started again on the same port. It also watches for two
/// requests of one delivery (path and webhook-id) in flight at the same time.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private readonly ConcurrentQueue<string> _overlaps = new();
    private WebApplication? _app;

    public int Port { get; } = FreePort();

    /// <summary>The status answered to every request; 200 until a test says otherwise.</summary>
    public int Status { get; set; } = 200;

    /// <summary>How long each request is held before it is answered.</summary>
    public TimeSpan Hold { get; set; } = TimeSpan.Zero;

    /// <summary>Chooses the status per request; overrides <see cref="Status"/> when set.</summary>
    public Func<ReceivedWebhook, int>? Answer { get; set; }

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path.TrimStart('/')}";

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToList();

    public IReadOnlyList<ReceivedWebhook> ReceivedAt(string path) => _received.Where(r => r.Path == "/" + path.TrimStart('/')).ToList();

    /// <summary>Deliveries seen twice in flight at once, as "path webhook-id".</summary>
    public IReadOnlyList<string> Overlaps => _overlaps.ToList();

    public int MaxInFlightSeen { get; private set; }

    private int _started;

    /// <summary>Requests that arrived, answered or not yet.</summary>
    public int Started => Volatile.Read(ref _started);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.StartAgainAsync();
        return receiver;
    }

    public async Task StartAgainAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, Port));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync();
    }

    /// <summary>Stops listening: senders now meet a refused connection.</summary>
    public async Task StopAsync()
    {
        if (_app is null)
            return;
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
            await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        _app = null;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var seen = new ReceivedWebhook(request.Path, request.Headers["webhook-id"].ToString(),
            request.Headers["webhook-timestamp"].ToString(), request.Headers["webhook-signature"].ToString(),
            request.ContentType ?? "", body, DateTimeOffset.UtcNow, null);
        Interlocked.Increment(ref _started);
        var key = $"{seen.Path} {seen.Id}";
        var inFlight = _inFlight.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (inFlight > 1)
            _overlaps.Enqueue(key);
        MaxInFlightSeen = Math.Max(MaxInFlightSeen, _inFlight.Values.Sum());
        int? answered = null;
        try
        {
            if (Hold > TimeSpan.Zero)
                await Task.Delay(Hold, context.RequestAborted);
            var status = Answer?.Invoke(seen) ?? Status;
            context.Response.StatusCode = status;
            await context.Response.CompleteAsync();
            answered = status;
        }
        catch (OperationCanceledException)
        {
            // The sender gave up or died: recorded as unanswered.
        }
        finally
        {
            _inFlight.AddOrUpdate(key, 0, (_, n) => n - 1);
            _received.Enqueue(seen with { AnsweredStatus = answered });
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
