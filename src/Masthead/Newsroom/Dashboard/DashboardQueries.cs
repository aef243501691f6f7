using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Site;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Newsroom.Dashboard;

public sealed record DayCounts(DateOnly Day, int Approved, int Held, int Spam, int Rejected)
{
    public int Total => Approved + Held + Spam + Rejected;
}

public sealed record TopArticle(string Slug, string Title, int Comments);

public sealed record DashboardData(IReadOnlyList<DayCounts> Days, TimeSpan? MedianTimeToDecision, int Decisions, IReadOnlyList<TopArticle> TopArticles, int Pending);

/// <summary>The newsroom's figures for the last 30 days, counted by the publication's local days.</summary>
public sealed class DashboardQueries(MastheadDbContext db, SiteContext site, TimeProvider clock)
{
    public const int Days = 30;

    public async Task<DashboardData> LoadAsync(CancellationToken cancellationToken)
    {
        var publication = site.Publication;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(publication.ToLocal(now));
        var firstDay = today.AddDays(1 - Days);

        // A day more than the window in UTC, so no local day at the edge is cut short; trimmed below.
        var since = now.AddDays(-Days - 1);

        // Two small columns per comment for a month: grouped here rather than in SQL so the days
        // are the publication's own, across daylight-saving changes, on every database.
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.CreatedAt >= since && c.Status != CommentStatus.Deleted)
            .Select(c => new { c.CreatedAt, c.Status })
            .ToListAsync(cancellationToken);
        var byDay = comments
            .GroupBy(c => DateOnly.FromDateTime(publication.ToLocal(c.CreatedAt)))
            .ToDictionary(g => g.Key, g => g.GroupBy(c => c.Status).ToDictionary(s => s.Key, s => s.Count()));
        var days = Enumerable.Range(0, Days).Select(i =>
        {
            var day = firstDay.AddDays(i);
            var counts = byDay.GetValueOrDefault(day) ?? [];
            return new DayCounts(day, counts.GetValueOrDefault(CommentStatus.Approved), counts.GetValueOrDefault(CommentStatus.Pending),
                counts.GetValueOrDefault(CommentStatus.Spam), counts.GetValueOrDefault(CommentStatus.Rejected));
        }).ToList();

        // Each comment's first decision by a moderator, against when it was posted.
        var decisions = await db.ModerationDecisions.AsNoTracking()
            .Where(d => d.DecidedAt >= since)
            .Select(d => new { d.CommentId, d.DecidedAt, Posted = d.Comment.CreatedAt })
            .ToListAsync(cancellationToken);
        var sorted = decisions.GroupBy(d => d.CommentId)
            .Select(g => g.Min(d => d.DecidedAt) - g.First().Posted)
            .Where(t => t >= TimeSpan.Zero).Order().ToList();
        TimeSpan? median = sorted.Count == 0 ? null
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

        var counts = await db.Comments.AsNoTracking()
            .Where(c => c.CreatedAt >= since && c.Status == CommentStatus.Approved)
            .GroupBy(c => c.ArticleId)
            .Select(g => new { ArticleId = g.Key, Count = g.Count() })
            .OrderByDescending(t => t.Count).ThenBy(t => t.ArticleId)
            .Take(5)
            .ToListAsync(cancellationToken);
        var ids = counts.Select(c => c.ArticleId).ToList();
        var titles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => (a.Slug, a.Title), cancellationToken);
        var top = counts.Where(c => titles.ContainsKey(c.ArticleId))
            .Select(c => new TopArticle(titles[c.ArticleId].Slug, titles[c.ArticleId].Title, c.Count)).ToList();

        var pending = await db.Comments.CountAsync(c => c.Status == CommentStatus.Pending, cancellationToken);
        return new DashboardData(days, median, sorted.Count, top, pending);
    }
}
