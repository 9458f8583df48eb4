using System.Security.Cryptography;
using System.Text;

namespace Rectify.Application.Clients;

/// <summary>
/// API keys are 32 random bytes, so a single SHA-256 is enough to store them safely: there is nothing to
/// guess, unlike a password, and the lookup stays one indexed equality.
/// </summary>
public static class ApiKey
{
    private const string Prefix = "rk_";

    public static string Generate() =>
        Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
