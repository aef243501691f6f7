using System.ComponentModel.DataAnnotations;

namespace Masthead.Linkbacks;

/// <summary>Bound from "Masthead:Linkbacks": which notifications are taken and sent, and how other sites' pages are fetched.</summary>
public sealed class LinkbackOptions
{
    public const string Section = "Masthead:Linkbacks";

    /// <summary>Take W3C Webmentions at /webmention and advertise the endpoint on articles.</summary>
    public bool ReceiveWebmentions { get; set; } = true;

    /// <summary>Take Pingback 1.0 pings at /xmlrpc and advertise the server on articles.</summary>
    public bool ReceivePingbacks { get; set; } = true;

    /// <summary>Notify the sites a published article links to.</summary>
    public bool Send { get; set; } = true;

    /// <summary>Notifications accepted per minute whose source is on one host, whatever address they come from.</summary>
    [Range(1, 10_000)]
    public int PerSourceHostPerMinute { get; set; } = 10;

    /// <summary>Largest page read, in bytes; the rest is never downloaded.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest a fetch may take from the first byte sent to the last byte read.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    [Range(0, 10)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>
    /// "host:port" pairs on private or loopback addresses that may be fetched anyway — for tests and
    /// for two servers on one machine. Empty by default: only public addresses are fetched.
    /// </summary>
    public List<string> AllowedPrivateEndpoints { get; set; } = [];
}
