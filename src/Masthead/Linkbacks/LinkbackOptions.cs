using System.ComponentModel.DataAnnotations;

namespace Masthead.Linkbacks;

/// <summary>Bound from "Masthead:Linkbacks": how other sites' pages are fetched.</summary>
public sealed class LinkbackOptions
{
    public const string Section = "Masthead:Linkbacks";

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
