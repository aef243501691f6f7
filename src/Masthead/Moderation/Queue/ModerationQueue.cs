using System.Linq.Expressions;
using Masthead.Data;
using Masthead.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Moderation.Queue;

/// <summary>The queue's tabs: which comments each shows.</summary>
public enum QueueTab
{
    Pending,

    /// <summary>Comments readers reported that no moderator has looked at since, whatever their status.</summary>
    Reported,
    Spam,
    Rejected,
    Approved,
    All,
}

/// <summary>What the moderator asked to see; every field comes from the query string and is checked.</summary>
public sealed record QueueFilter(QueueTab Tab, bool OldestFirst, string? ArticleSlug, string? Category, int Page)
{
    public const int PageSize = 50;
}

/// <summary>What a moderator needs to know about who wrote a comment.</summary>
public sealed record CommenterSummary(int Approved, int Held, int Spam, int Rejected, DateTime FirstSeen, IReadOnlyList<string> OtherNames);

public sealed record QueueItem(
    long Id,
    string ArticleSlug,
    string ArticleTitle,
    string AuthorName,
    string AuthorEmail,
    string? AuthorUrl,
    string? IpAddress,
    string Text,
    DateTime CreatedAt,
    CommentStatus Status,
    string? Category,
    CommentExplanation Explanation,
    CommenterSummary Commenter,
    IReadOnlyList<ReportView> Reports,
    bool Featured = false,
    IReadOnlyList<RevisionView>? EarlierTexts = null);

/// <summary>A text the poster replaced by editing (or deleting) their comment.</summary>
public sealed record RevisionView(string Text, DateTime ReplacedAt);

/// <summary>One open reader report on a comment.</summary>
public sealed record ReportView(ReportReason Reason, string? Text, DateTime At);

public sealed record QueuePage(IReadOnlyList<QueueItem> Items, int Total, IReadOnlyDictionary<QueueTab, int> Counts);

/// <summary>Reads the moderation queue: comments by status, with the engine's explanation and the commenter's history.</summary>
public sealed class ModerationQueue(MastheadDbContext db)
{
    public async Task<QueuePage> LoadAsync(QueueFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Comments.AsNoTracking().Where(c => c.Status != CommentStatus.Deleted);
        query = filter.Tab switch
        {
            QueueTab.Pending => query.Where(c => c.Status == CommentStatus.Pending),
            QueueTab.Reported => query.Where(c => db.CommentReports.Any(r => r.CommentId == c.Id && r.ResolvedAt == null)),
            QueueTab.Spam => query.Where(c => c.Status == CommentStatus.Spam),
            QueueTab.Rejected => query.Where(c => c.Status == CommentStatus.Rejected),
            QueueTab.Approved => query.Where(c => c.Status == CommentStatus.Approved),
            _ => query,
        };
        if (filter.ArticleSlug is { Length: > 0 } slug)
        {
            query = query.Where(c => c.Article.Slug == slug);
        }

        if (filter.Category is { Length: > 0 } category)
        {
            query = query.Where(c => c.ModerationCategory == category);
        }

        var total = await query.CountAsync(cancellationToken);
        var ordered = filter.OldestFirst
            ? query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            : query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);
        var rows = await ordered
            .Skip((filter.Page - 1) * QueueFilter.PageSize).Take(QueueFilter.PageSize)
            .Select(RowOf)
            .ToListAsync(cancellationToken);

        var items = await ToItemsAsync(rows, cancellationToken);

        var counts = await db.Comments.AsNoTracking()
            .GroupBy(c => c.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(CommentStatus s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        var reported = await db.CommentReports.Where(r => r.ResolvedAt == null).Select(r => r.CommentId).Distinct().CountAsync(cancellationToken);
        var tabCounts = new Dictionary<QueueTab, int>
        {
            [QueueTab.Pending] = Count(CommentStatus.Pending),
            [QueueTab.Reported] = reported,
            [QueueTab.Spam] = Count(CommentStatus.Spam),
            [QueueTab.Rejected] = Count(CommentStatus.Rejected),
            [QueueTab.Approved] = Count(CommentStatus.Approved),
            [QueueTab.All] = counts.Where(c => c.Key != CommentStatus.Deleted).Sum(c => c.Count),
        };
        return new QueuePage(items, total, tabCounts);
    }

    public async Task<QueueItem?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var rows = await db.Comments.AsNoTracking().Where(c => c.Id == id).Select(RowOf).ToListAsync(cancellationToken);
        return (await ToItemsAsync(rows, cancellationToken)).SingleOrDefault();
    }

    private sealed record Row(
        long Id, string Slug, string Title, string AuthorName, string AuthorEmail, string? AuthorUrl, string? IpAddress,
        string Text, DateTime CreatedAt, CommentStatus Status, string? Category, string? Details, bool Featured);

    private static readonly Expression<Func<Comment, Row>> RowOf = c => new Row(
        c.Id, c.Article.Slug, c.Article.Title, c.AuthorName, c.AuthorEmail, c.AuthorUrl, c.IpAddress,
        c.BodyMarkdown, c.CreatedAt, c.Status, c.ModerationCategory, c.ModerationDetails, c.Featured);

    private async Task<List<QueueItem>> ToItemsAsync(List<Row> rows, CancellationToken cancellationToken)
    {
        var commenters = await CommentersAsync(rows.Select(r => (r.AuthorEmail, r.IpAddress, r.AuthorName)).ToList(), cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var reports = (await db.CommentReports.AsNoTracking()
                .Where(r => ids.Contains(r.CommentId) && r.ResolvedAt == null)
                .OrderBy(r => r.CreatedAt)
                .Select(r => new { r.CommentId, View = new ReportView(r.Reason, r.Text, r.CreatedAt) })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.CommentId, r => r.View);
        var revisions = (await db.CommentRevisions.AsNoTracking()
                .Where(r => ids.Contains(r.CommentId))
                .OrderBy(r => r.ReplacedAt)
                .Select(r => new { r.CommentId, View = new RevisionView(r.BodyMarkdown, r.ReplacedAt) })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.CommentId, r => r.View);
        return rows.Select(r => new QueueItem(
            r.Id, r.Slug, r.Title, r.AuthorName, r.AuthorEmail, r.AuthorUrl, r.IpAddress, r.Text, r.CreatedAt, r.Status,
            r.Category, CommentExplanation.Parse(r.Details), commenters(r.AuthorEmail, r.IpAddress, r.AuthorName), reports[r.Id].ToList(), r.Featured, revisions[r.Id].ToList())).ToList();
    }

    /// <summary>
    /// The history of every commenter on a page in two queries: counts and first comment by email,
    /// and the other names used from the same email or address.
    /// </summary>
    private async Task<Func<string, string?, string, CommenterSummary>> CommentersAsync(
        IReadOnlyCollection<(string Email, string? Ip, string Name)> who, CancellationToken cancellationToken)
    {
        var emails = who.Select(w => w.Email).Distinct().ToList();
        var ips = who.Select(w => w.Ip).OfType<string>().Distinct().ToList();
        var byEmail = await db.Comments.AsNoTracking()
            .Where(c => emails.Contains(c.AuthorEmail))
            .GroupBy(c => new { c.AuthorEmail, c.Status })
            .Select(g => new { g.Key.AuthorEmail, g.Key.Status, Count = g.Count(), First = g.Min(c => c.CreatedAt) })
            .ToListAsync(cancellationToken);
        var names = await db.Comments.AsNoTracking()
            .Where(c => emails.Contains(c.AuthorEmail) || (c.IpAddress != null && ips.Contains(c.IpAddress)))
            .Select(c => new { c.AuthorEmail, c.IpAddress, c.AuthorName })
            .Distinct()
            .ToListAsync(cancellationToken);

        return (email, ip, name) =>
        {
            var rows = byEmail.Where(r => r.AuthorEmail == email).ToList();
            int Count(CommentStatus s) => rows.Where(r => r.Status == s).Sum(r => r.Count);
            var others = names
                .Where(n => (n.AuthorEmail == email || (ip is not null && n.IpAddress == ip)) && n.AuthorName != name)
                .Select(n => n.AuthorName).Distinct().Order(StringComparer.Ordinal).Take(10).ToList();
            return new CommenterSummary(
                Count(CommentStatus.Approved), Count(CommentStatus.Pending), Count(CommentStatus.Spam), Count(CommentStatus.Rejected),
                rows.Count > 0 ? rows.Min(r => r.First) : DateTime.MinValue, others);
        };
    }
}
