using Masthead.Data;
using Masthead.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masthead.Discussion;

public sealed class DiscussionQueries(MastheadDbContext db, DiscussionShapes shapes, IOptionsMonitor<DiscussionOptions> options, TimeProvider clock)
{
    /// <summary>
    /// The discussion under an article: approved comments, plus the viewer's own comments still
    /// awaiting moderation, plus approved linkbacks, in date order.
    /// </summary>
    /// <remarks>
    /// Two reads keep a thread of thousands fast: first the shape of the whole discussion (ids,
    /// parents, dates, scores: a few bytes a comment, kept in memory by <see cref="DiscussionShapes"/>)
    /// to thread, order and count it exactly and to choose the page; then the text of only the
    /// comments on that page.
    /// </remarks>
    /// <param name="page">The page of conversations to show; out of range gives the nearest.</param>
    /// <param name="pageOfComment">Show instead the page holding this comment (a permalink, a reply link).</param>
    /// <param name="sort">The order of conversations; null for the site's default. Featured ones come first in any order.</param>
    public async Task<DiscussionView> LoadAsync(Article article, IReadOnlyCollection<long> viewersPendingIds, CancellationToken cancellationToken, int page = 1, long? pageOfComment = null,
        DiscussionSort? sort = null)
    {
        var shape = (await shapes.GetAsync(db, article.Id, cancellationToken))
            .Select(c => new CommentView(c.Id, c.ParentId, "", null, "", c.CreatedAt, false, 0, 0, c.VoteScore, c.Featured, null, c.Deleted))
            .ToList();
        if (viewersPendingIds.Count > 0)
        {
            // Only for the few readers with comments of their own awaiting moderation.
            shape.AddRange(await db.Comments.AsNoTracking()
                .Where(c => c.ArticleId == article.Id && c.Status == CommentStatus.Pending && viewersPendingIds.Contains(c.Id))
                .Select(c => new CommentView(c.Id, c.ParentId, "", null, "", c.CreatedAt, true, 0, 0, 0, false, null, false))
                .ToListAsync(cancellationToken));
        }

        var linkbacks = await db.Linkbacks.AsNoTracking()
            .Where(l => l.ArticleId == article.Id && l.Status == LinkbackStatus.Approved)
            .OrderBy(l => l.ReceivedAt)
            .Select(l => new LinkbackView(l.Id, l.Kind, l.SourceUrl, l.Title, l.SiteName, l.ReceivedAt))
            .ToListAsync(cancellationToken);

        var maxDepth = options.CurrentValue.MaxDepth;
        var order = sort ?? (options.CurrentValue.NewestFirst ? DiscussionSort.Newest : DiscussionSort.Oldest);
        var entries = Order(CommentThreads.Build(shape, maxDepth)
            .Select(t => new DiscussionEntry(t.Comment.CreatedAt, t, null))
            .Concat(linkbacks.Select(l => new DiscussionEntry(l.ReceivedAt, null, l))), order);

        var approved = shape.Count(c => !c.AwaitingModeration && !c.Deleted);
        var perPage = options.CurrentValue.ConversationsPerPage;
        var pages = perPage <= 0 ? 1 : Math.Max(1, (entries.Count + perPage - 1) / perPage);
        if (pages > 1 && pageOfComment is { } id && entries.FindIndex(e => e.Thread is { } t && Contains(t, id)) is var at and >= 0)
        {
            page = (at / perPage) + 1;
        }

        page = Math.Clamp(page, 1, pages);
        var shown = pages == 1 ? entries : entries.Skip((page - 1) * perPage).Take(perPage).ToList();
        return new DiscussionView(await WithTextAsync(shown, maxDepth, cancellationToken), approved, IsOpen(article), maxDepth, page, pages, order);
    }

    /// <summary>The page's conversations again, now with every comment's text, in the same order.</summary>
    private async Task<List<DiscussionEntry>> WithTextAsync(IReadOnlyList<DiscussionEntry> shown, int maxDepth, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        foreach (var entry in shown)
        {
            if (entry.Thread is { } thread)
            {
                Collect(thread, ids);
            }
        }

        var full = ids.Count == 0 ? [] : await db.Comments.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => c.Status == CommentStatus.Deleted
                ? new CommentView(c.Id, c.ParentId, "", null, "", c.CreatedAt, false, 0, 0, 0, false, null, true)
                : new CommentView(c.Id, c.ParentId, c.AuthorName, c.AuthorUrl, c.BodyHtml, c.CreatedAt, c.Status == CommentStatus.Pending,
                    c.Upvotes, c.Downvotes, c.VoteScore, c.Featured, c.EditedAt))
            .ToListAsync(cancellationToken);
        var threads = CommentThreads.Build(full, maxDepth).ToDictionary(t => t.Comment.Id);
        return shown.Select(e => e.Thread is { } t && threads.TryGetValue(t.Comment.Id, out var withText) ? e with { Thread = withText } : e).ToList();
    }

    private static void Collect(CommentNode node, List<long> ids)
    {
        ids.Add(node.Comment.Id);
        foreach (var child in node.Children)
        {
            Collect(child, ids);
        }
    }

    private static bool Contains(CommentNode node, long id) =>
        node.Comment.Id == id || node.Children.Any(c => Contains(c, id));

    public bool IsOpen(Article article)
    {
        if (!article.CommentsEnabled || article.PublishedAt is null)
        {
            return false;
        }

        var days = options.CurrentValue.CloseAfterDays;
        return days == 0 || clock.GetUtcNow().UtcDateTime < article.PublishedAt.Value.AddDays(days);
    }

    /// <summary>Featured conversations first, then the chosen order; linkbacks, which take no votes, after every comment when sorting by votes.</summary>
    private static List<DiscussionEntry> Order(IEnumerable<DiscussionEntry> entries, DiscussionSort sort)
    {
        var featuredFirst = entries.OrderByDescending(e => e.Thread?.Comment.Featured == true);
        return (sort switch
        {
            DiscussionSort.Newest => featuredFirst.ThenByDescending(e => e.At),
            DiscussionSort.Best => featuredFirst.ThenByDescending(e => e.Thread?.Comment.VoteScore ?? -1).ThenBy(e => e.At),
            _ => featuredFirst.ThenBy(e => e.At),
        }).ToList();
    }
}
