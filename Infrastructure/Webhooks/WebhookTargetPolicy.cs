using System.Net.Sockets;
using System.Net;
using Rectify.Application.Webhooks;

namespace Rectify.Infrastructure.Webhooks;

/// <summary>
/// Refuses targets inside private networks (SSRF): checked when a subscription is saved and again on every connection,
/// against the addresses actually dialled, since DNS can answer differently later.
/// </summary>
internal sealed class WebhookTargetPolicy(WebhookOptions options) : IWebhookTargetPolicy
{
    public async Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        if (options.AllowPrivateTargets)
            return null;
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(url.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return $"The host '{url.Host}' could not be resolved.";
        }
        return addresses.Length == 0 ? $"The host '{url.Host}' could not be resolved."
            : addresses.FirstOrDefault(IsForbidden) is { } forbidden ? Refusal(url.Host, forbidden)
            : null;
    }

    /// <summary>Connects to the first allowed address of the host; the dispatcher's HTTP client dials only through here.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await ResolveAsync(host, cancellationToken);
        if (!options.AllowPrivateTargets && addresses.FirstOrDefault(IsForbidden) is { } forbidden)
            throw new WebhookTargetRefusedException(Refusal(host, forbidden));
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>An address literal is its own answer (DNS refuses to resolve 0.0.0.0 and ::).</summary>
    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.TrimStart('[').TrimEnd(']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);

    private static string Refusal(string host, IPAddress address) =>
        $"The host '{host}' resolves to {address}, a private, loopback, link-local or otherwise internal address; " +
        "webhooks may only target public addresses (configuration Webhooks:AllowPrivateTargets allows others).";

    /// <summary>
    /// Anything but a global unicast address: private (10/8, 172.16/12, 192.168/16, fc00::/7), loopback, link-local,
    /// unspecified, carrier-grade NAT (100.64/10), multicast, reserved and broadcast, benchmarking (198.18/15) and
    /// protocol (192.0.0/24) ranges; an IPv6 address that carries an IPv4 one (mapped, compatible, NAT64 64:ff9b::/96,
    /// 6to4 2002::/16) is judged by the IPv4 address it carries, and tunnels that hide theirs (Teredo, local NAT64)
    /// are refused.
    /// </summary>
    public static bool IsForbidden(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            return true;
        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv4MappedToIPv6 || b.Take(12).All(x => x == 0)) // ::ffff:a.b.c.d, ::a.b.c.d
                return IsForbidden(new IPAddress(b[12..]));
            if (b[..12].SequenceEqual(new byte[] { 0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 })) // 64:ff9b::/96
                return IsForbidden(new IPAddress(b[12..]));
            if (b[0] == 0x20 && b[1] == 0x02) // 2002::/16, 6to4
                return IsForbidden(new IPAddress(b[2..6]));
            return (b[0] & 0xFE) == 0xFC // fc00::/7 unique local
                   || b[0] == 0xFF // multicast
                   || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) // 2001::/32, Teredo
                   || (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4] == 0 && b[5] == 1) // 64:ff9b:1::/48
                   || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal;
        }
        return b[0] == 0 // 0.0.0.0/8, "this network"
               || b[0] == 10
               || (b[0] == 172 && (b[1] & 0xF0) == 16)
               || (b[0] == 192 && b[1] == 168)
               || (b[0] == 169 && b[1] == 254)
               || (b[0] == 100 && (b[1] & 0xC0) == 64)
               || (b[0] == 192 && b[1] == 0 && b[2] == 0)
               || (b[0] == 198 && (b[1] & 0xFE) == 18)
               || b[0] >= 224; // multicast 224/4, reserved 240/4, broadcast
    }
}

/// <summary>The target resolved to an address webhooks may not reach; the attempt fails with this reason.</summary>
public sealed class WebhookTargetRefusedException(string message) : Exception(message);
