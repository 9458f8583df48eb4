namespace Rectify.Api;

/// <summary>
/// <c>Rectify.Api --health-check URL</c>: exits 0 when the URL answers 2xx. The container health check uses it,
/// because the runtime image has no curl.
/// </summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync(string url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(url);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (HttpRequestException)
        {
            return 1;
        }
        catch (TaskCanceledException)
        {
            return 1;
        }
    }
}
