using System.Net;
using System.Text;
using static Rectify.IntegrationTests.Units.UnitApi;

namespace Rectify.IntegrationTests.Units;

/// <summary>
/// The 1 MiB body limit is a Kestrel server limit, and the in-memory test server enforces no body limit at
/// all, so these requests go to the service listening on Kestrel, as it runs in production.
/// </summary>
public sealed class RequestLimitsTests : KestrelTest
{
    private const int OneMiB = 1024 * 1024;

    /// <summary>A unit body whose name pads the whole JSON to exactly <paramref name="bytes"/> bytes.</summary>
    private static (string Code, byte[] Body) UnitBodyOf(int bytes)
    {
        var code = "U" + Guid.NewGuid().ToString("N")[..8];
        var empty = $$"""{"code":"{{code}}","name":"","kind":"department"}""";
        return (code, Encoding.UTF8.GetBytes(empty.Replace("\"name\":\"\"", $"\"name\":\"{new string('a', bytes - empty.Length)}\"")));
    }

    private async Task<bool> ExistsAsync(string code) =>
        ItemsOf(await Admin.GetPageAsync($"{UnitsPath}?q={code}")).Count > 0;

    [Test]
    public async Task CreateUnit_WhenBodyOver1MiB_Returns413Problem()
    {
        var (code, body) = UnitBodyOf(OneMiB + 1);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        using var response = await Admin.PostAsync(UnitsPath, content);

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.That(await ExistsAsync(code), Is.False);
    }

    [Test]
    public async Task CreateUnit_WhenChunkedBodyOver1MiB_Returns413Problem()
    {
        var (code, body) = UnitBodyOf(2 * OneMiB);
        using var stream = new MemoryStream(body);
        using var content = new StreamContent(stream);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, UnitsPath) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Admin.SendAsync(request);

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.That(await ExistsAsync(code), Is.False);
    }

    [Test]
    public async Task CreateUnit_WhenBodyExactly1MiB_IsReadAndValidated()
    {
        var (_, body) = UnitBodyOf(OneMiB);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        using var response = await Admin.PostAsync(UnitsPath, content);

        await response.ValidationProblemAsync("name");
    }
}
