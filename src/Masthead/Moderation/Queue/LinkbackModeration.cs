using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Linkbacks;
using Masthead.Site;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Moderation.Queue;

/// <summary>One received linkback as the moderation queue shows it.</summary>
public sealed record LinkbackItem(long Id, LinkbackKind Kind, string Title, string SiteName, string SourceUrl, string Excerpt,
    LinkbackStatus Status, DateTime ReceivedAt, string ArticleSlug, string ArticleTitle);

public sealed record LinkbackPage(IReadOnlyList<LinkbackItem> Items, int Total, IReadOnlyDictionary<LinkbackStatus, int> Counts);

/// <summary>
/// Received pingbacks and webmentions awaiting or past a decision. A moderator's approve or spam is
/// learned by the engine as it would be for a comment; a rejection is not, since a linkback is
/// rejected for being off-topic far more often than for what it says.
/// </summary>
public sealed class LinkbackModeration(MastheadDbContext db, LearningQueue learning, IPageCache pageCache)
{
    public const int PageSize = 50;

    public async Task<LinkbackPage> LoadAsync(LinkbackStatus status, int page, CancellationToken cancellationToken)
    {
        var counts = await db.Linkbacks.GroupBy(l => l.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var items = await db.Linkbacks.AsNoTracking()
            .Where(l => l.Status == status)
            .OrderByDescending(l => l.ReceivedAt).ThenByDescending(l => l.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(l => new LinkbackItem(l.Id, l.Kind, l.Title, l.SiteName, l.SourceUrl, l.Excerpt, l.Status, l.ReceivedAt, l.Article.Slug, l.Article.Title))
            .ToListAsync(cancellationToken);
        return new LinkbackPage(items, counts.GetValueOrDefault(status), counts);
    }

    public Task<int> PendingCountAsync(CancellationToken cancellationToken) =>
        db.Linkbacks.CountAsync(l => l.Status == LinkbackStatus.Pending, cancellationToken);

    /// <summary>Moves a linkback to <paramref name="to"/>; false when there is no such linkback.</summary>
    public async Task<bool> DecideAsync(long id, LinkbackStatus to, CancellationToken cancellationToken)
    {
        var linkback = await db.Linkbacks.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (linkback is null)
        {
            return false;
        }

        if (linkback.Status == to)
        {
            return true;
        }

        linkback.Status = to;
        await db.SaveChangesAsync(cancellationToken);
        pageCache.Invalidate();
        if (to is LinkbackStatus.Approved or LinkbackStatus.Spam)
        {
            var input = LinkbackVerifier.AsComment(linkback.Title, linkback.Excerpt, linkback.SiteName, linkback.SourceUrl, linkback.ArticleId);
            await learning.EnqueueAsync(new LearningItem(input, to == LinkbackStatus.Spam ? ModerationAction.Spam : ModerationAction.Approve, null), cancellationToken);
        }

        return true;
    }
}
