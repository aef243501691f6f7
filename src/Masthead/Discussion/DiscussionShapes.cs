using System.Collections.Concurrent;
using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masthead.Discussion;

/// <summary>One visible comment's place in its discussion: all that threading, ordering and paging need.</summary>
public sealed record CommentShape(long Id, long? ParentId, DateTime CreatedAt, bool Deleted, double VoteScore, bool Featured);

/// <summary>
/// Keeps the shape of recently read discussions in memory: reading ten thousand rows takes
/// SQLite tens of milliseconds, threading them a few. A shape is dropped whenever the site
/// changes something readers see (the page cache's generation moves) and after the page cache's
/// age limit, for changes made outside this process; at most <see cref="MaxArticles"/> are kept.
/// </summary>
public sealed class DiscussionShapes(IPageCache pageCache, IOptionsMonitor<PageCacheOptions> cacheOptions, TimeProvider clock)
{
    public const int MaxArticles = 256;

    private sealed record Entry(long Generation, DateTimeOffset ExpiresAt, IReadOnlyList<CommentShape> Shapes);

    private readonly ConcurrentDictionary<int, Entry> _entries = new();

    /// <summary>The approved and deleted comments under <paramref name="articleId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<CommentShape>> GetAsync(MastheadDbContext db, int articleId, CancellationToken cancellationToken)
    {
        var generation = pageCache.Generation;
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(articleId, out var entry) && entry.Generation == generation && entry.ExpiresAt > now)
        {
            return entry.Shapes;
        }

        var shapes = await db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == articleId && (c.Status == CommentStatus.Approved || c.Status == CommentStatus.Deleted))
            .Select(c => new CommentShape(c.Id, c.ParentId, c.CreatedAt, c.Status == CommentStatus.Deleted, c.VoteScore, c.Featured))
            .ToListAsync(cancellationToken);
        if (_entries.Count >= MaxArticles)
        {
            _entries.Clear();
        }

        _entries[articleId] = new Entry(generation, now.AddSeconds(cacheOptions.CurrentValue.MaxAgeSeconds), shapes);
        return shapes;
    }
}
