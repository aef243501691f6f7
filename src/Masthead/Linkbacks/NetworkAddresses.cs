using System.Net;
using System.Net.Sockets;

namespace Masthead.Linkbacks;

/// <summary>Which addresses belong to the public internet; everything else is never fetched for a stranger.</summary>
public static class NetworkAddresses
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 ||
                     (b[0] == 100 && b[1] >= 64 && b[1] <= 127) ||   // carrier-grade NAT
                     (b[0] == 169 && b[1] == 254) ||                 // link-local
                     (b[0] == 172 && b[1] >= 16 && b[1] <= 31) ||
                     (b[0] == 192 && b[1] == 168) ||
                     (b[0] == 192 && b[1] == 0 && b[2] == 0) ||      // IETF protocol assignments
                     (b[0] == 198 && (b[1] == 18 || b[1] == 19)) ||  // benchmarking
                     b[0] >= 224);                                   // multicast, reserved, broadcast
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) ||
                     address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast ||
                     (b[0] & 0xFE) == 0xFC ||                        // unique local fc00::/7
                     (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) || // documentation
                     address.IsIPv4MappedToIPv6);
        }

        return false;
    }
}
