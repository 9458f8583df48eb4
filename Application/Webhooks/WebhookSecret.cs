using System.Security.Cryptography;

namespace Rectify.Application.Webhooks;

/// <summary>Standard Webhooks secrets: <c>whsec_</c> and the base64 of 32 random bytes, the HMAC-SHA256 key.</summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
