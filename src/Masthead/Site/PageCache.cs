using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Text;

namespace Masthead.Site;

/// <summary>Marks a page or endpoint whose anonymous GET responses the page cache may keep.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class CachedPageAttribute : Attribute;

/// <summary>Drops every cached page; called whenever something readers can see has changed.</summary>
public interface IPageCache
{
    /// <summary>Everything readers see may have changed: cached pages (and anything else kept per <see cref="Generation"/>) are stale.</summary>
    void Invalidate();

    /// <summary>Goes up at every <see cref="Invalidate"/>.</summary>
    long Generation { get; }
}

/// <summary>Bound from "Masthead:PageCache".</summary>
public sealed class PageCacheOptions
{
    public const string Section = "Masthead:PageCache";

    public bool Enabled { get; set; } = true;

    /// <summary>Upper bound on how stale a page may get through time alone (comments closing, scheduled articles).</summary>
    [Range(1, 86400)]
    public int MaxAgeSeconds { get; set; } = 60;

    [Range(10, 1_000_000)]
    public int MaxEntries { get; set; } = 5000;

    /// <summary>Memory the cached pages may take in all; past it the cache starts over.</summary>
    [Range(1, 65_536)]
    public int MaxMegabytes { get; set; } = 256;
}

/// <summary>
/// Rendered pages kept as bytes. The comment form's anti-forgery token differs per reader, so a
/// page is stored with a placeholder where the token goes and split there; serving it writes the
/// pieces with a fresh token in between. ASP.NET Core's output cache cannot do this (it must not
/// cache pages holding anti-forgery tokens), which is why the site has its own.
/// </summary>
public sealed class PageCache(TimeProvider clock) : IPageCache
{
    /// <summary>
    /// Written where the anti-forgery token belongs while a page is being captured. Random per
    /// process, so that no reader can type it into a comment and have tokens written there.
    /// </summary>
    public static readonly string TokenPlaceholder = "__masthead_csrf_" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)) + "__";

    private static readonly byte[] PlaceholderBytes = Encoding.ASCII.GetBytes(TokenPlaceholder);

    private readonly ConcurrentDictionary<string, CachedPage> _pages = new(StringComparer.Ordinal);
    private long _generation;
    private long _bytes;

    public int Count => _pages.Count;

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _pages.Clear();
        Interlocked.Exchange(ref _bytes, 0);
    }

    public long Generation => Interlocked.Read(ref _generation);

    private readonly ConcurrentDictionary<string, byte> _refreshing = new(StringComparer.Ordinal);

    public bool TryGet(string key, out CachedPage page)
    {
        if (_pages.TryGetValue(key, out page!) && page.Generation == Generation)
        {
            if (page.ExpiresAt > clock.GetUtcNow())
            {
                return true;
            }

            // Expired by age alone (nothing changed): one request renders it again while the
            // others keep getting the old copy, so an expiry under load is not a stampede.
            if (!_refreshing.TryAdd(key, 0))
            {
                return true;
            }
        }

        page = null!;
        return false;
    }

    /// <summary>Called when a render that <see cref="TryGet"/> left to the caller has finished, stored or not.</summary>
    public void Rendered(string key) => _refreshing.TryRemove(key, out _);

    public CachedPage Store(string key, long generation, string contentType, ReadOnlySpan<byte> body, TimeSpan maxAge, int maxEntries, long maxBytes = long.MaxValue)
    {
        var page = new CachedPage(generation, clock.GetUtcNow() + maxAge, contentType, Split(body));
        if (generation != Generation)
        {
            // Rendered from data that has changed since; serve it once but do not keep it.
            return page;
        }

        if (_pages.Count >= maxEntries || Interlocked.Read(ref _bytes) + body.Length > maxBytes)
        {
            // A flood of distinct URLs must not grow memory without bound.
            _pages.Clear();
            Interlocked.Exchange(ref _bytes, 0);
        }

        if (_pages.TryGetValue(key, out var old))
        {
            Interlocked.Add(ref _bytes, -old.Length);
        }

        _pages[key] = page;
        Interlocked.Add(ref _bytes, page.Length);
        return page;
    }

    public static byte[][] Split(ReadOnlySpan<byte> body)
    {
        var segments = new List<byte[]>();
        while (true)
        {
            var at = body.IndexOf(PlaceholderBytes);
            if (at < 0)
            {
                segments.Add(body.ToArray());
                return [.. segments];
            }

            segments.Add(body[..at].ToArray());
            body = body[(at + PlaceholderBytes.Length)..];
        }
    }
}

public sealed record CachedPage(long Generation, DateTimeOffset ExpiresAt, string ContentType, byte[][] Segments)
{
    public bool NeedsToken => Segments.Length > 1;

    public long Length => Segments.Sum(s => (long)s.Length);
}

/// <summary>Present on a request whose response is being captured for the page cache.</summary>
public sealed class PageCaptureFeature;
