using System.Security.Cryptography;
using System.Text;

namespace Rectify.IntegrationTests.Webhooks;

/// <summary>
/// The receiver's check, written from the Standard Webhooks specification and independent of the service's signer.
/// The README shows this code to integrators: keep the two identical.
/// </summary>
public static class WebhookSignature
{
    // README: begin C# verifier
    /// <summary>True when one of the signatures in the header is HMAC-SHA256 over "{id}.{timestamp}.{body}".</summary>
    public static bool Verify(string secret, string webhookId, string webhookTimestamp, string body, string webhookSignature)
    {
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        var signed = Encoding.UTF8.GetBytes($"{webhookId}.{webhookTimestamp}.{body}");
        var expected = HMACSHA256.HashData(key, signed);
        foreach (var candidate in webhookSignature.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = candidate.Split(',', 2);
            if (parts is ["v1", var signature] && TryBase64(signature, out var actual)
                && CryptographicOperations.FixedTimeEquals(actual, expected))
                return true;
        }
        return false;
    }

    private static bool TryBase64(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, bytes, out var written))
            return false;
        bytes = bytes[..written];
        return true;
    }
    // README: end C# verifier
}
