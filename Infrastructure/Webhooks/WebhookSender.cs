using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Rectify.Infrastructure.Persistence.Webhooks;
using StandardWebhooks;

namespace Rectify.Infrastructure.Webhooks;

/// <summary>What one attempt came to: the receiver's status, or why there was none.</summary>
internal sealed record SendOutcome(int? StatusCode, string? Error, TimeSpan Duration)
{
    public bool Delivered => StatusCode is >= 200 and < 300;
    public bool Gone => StatusCode == 410;
}

/// <summary>
/// POSTs the stored body, signed per Standard Webhooks: <c>webhook-id</c> (the event id, the same on every retry),
/// <c>webhook-timestamp</c> (this attempt, unix seconds) and <c>webhook-signature</c>
/// (<c>v1,</c> + base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c> keyed with the secret's bytes).
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock)
{
    public const string HttpClientName = "webhooks";

    public async Task<SendOutcome> SendAsync(DueDelivery delivery, CancellationToken cancellationToken)
    {
        var id = delivery.EventId.ToString("D");
        var timestamp = clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(delivery.Payload)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", new StandardWebhook(delivery.Secret).Sign(id, timestamp, delivery.Payload));

        var client = clients.CreateClient(HttpClientName);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return new SendOutcome((int)response.StatusCode, null, Stopwatch.GetElapsedTime(started));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome(null, $"No answer within {client.Timeout.TotalSeconds:0.#} s.", Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException e)
        {
            return new SendOutcome(null, Describe(e), Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>The innermost reason reads best: "Connection refused", or the target policy's refusal.</summary>
    private static string Describe(Exception e)
    {
        var message = e.Message;
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            message = inner.Message;
        return message.Length > 1000 ? message[..1000] : message;
    }
}
