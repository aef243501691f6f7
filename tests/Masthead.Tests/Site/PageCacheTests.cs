using System.Text;
using Masthead.Site;
using Microsoft.Extensions.Time.Testing;

namespace Masthead.Tests.Site;

public sealed class PageCacheTests
{
    [Fact]
    public void Split_PlaceholderTwice_ThreeSegments()
    {
        var body = Encoding.ASCII.GetBytes($"a{PageCache.TokenPlaceholder}b{PageCache.TokenPlaceholder}c");

        var segments = PageCache.Split(body);

        Assert.Equal(["a", "b", "c"], segments.Select(s => Encoding.ASCII.GetString(s)));
    }

    [Fact]
    public void TryGet_AfterInvalidate_Misses()
    {
        var cache = new PageCache(TimeProvider.System);
        cache.Store("k", cache.Generation, "text/html", "x"u8, TimeSpan.FromMinutes(1), 10);

        Assert.True(cache.TryGet("k", out _));
        cache.Invalidate();
        Assert.False(cache.TryGet("k", out _));
    }

    [Fact]
    public void Store_RenderedBeforeAnInvalidation_NotKept()
    {
        var cache = new PageCache(TimeProvider.System);
        var generation = cache.Generation;
        cache.Invalidate(); // a comment was approved while the page was rendering

        cache.Store("k", generation, "text/html", "stale"u8, TimeSpan.FromMinutes(1), 10);

        Assert.False(cache.TryGet("k", out _));
    }

    [Fact]
    public void TryGet_AfterMaxAge_Misses()
    {
        var clock = new FakeTimeProvider();
        var cache = new PageCache(clock);
        cache.Store("k", cache.Generation, "text/html", "x"u8, TimeSpan.FromSeconds(60), 10);

        clock.Advance(TimeSpan.FromSeconds(61));

        Assert.False(cache.TryGet("k", out _));
    }

    [Fact]
    public void Store_BeyondMaxEntries_StaysBounded()
    {
        var cache = new PageCache(TimeProvider.System);
        for (var i = 0; i < 100; i++)
        {
            cache.Store($"k{i}", cache.Generation, "text/html", "x"u8, TimeSpan.FromMinutes(1), 10);
        }

        Assert.True(cache.Count <= 10);
    }

    [Fact]
    public void TryGet_ExpiredByAge_OneCallerRendersOthersGetTheOldCopy()
    {
        var clock = new FakeTimeProvider();
        var cache = new PageCache(clock);
        cache.Store("k", cache.Generation, "text/html", "old"u8, TimeSpan.FromSeconds(60), 10);
        clock.Advance(TimeSpan.FromSeconds(61));

        var first = cache.TryGet("k", out _);
        var second = cache.TryGet("k", out var stale);
        cache.Rendered("k");
        var afterRender = cache.TryGet("k", out _);

        Assert.False(first);
        Assert.True(second);
        Assert.Equal("old", Encoding.ASCII.GetString(stale.Segments[0]));
        Assert.False(afterRender);
    }
}
