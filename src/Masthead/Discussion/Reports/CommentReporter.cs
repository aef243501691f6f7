using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masthead.Discussion.Reports;

public enum ReportOutcome
{
    Recorded,

    /// <summary>This reader had already reported the comment; nothing new was stored.</summary>
    AlreadyReported,

    /// <summary>Recorded, and enough distinct readers have now reported it that it is hidden until reviewed.</summary>
    Hidden,
}

/// <summary>
/// Readers' reports of comments. Each reader counts once per comment; when
/// <see cref="DiscussionOptions.ReportsToHide"/> distinct readers have open reports on an approved
/// comment, it goes back to the moderation queue (and off the page) until a moderator decides.
/// </summary>
public sealed class CommentReporter(MastheadDbContext db, IOptionsMonitor<DiscussionOptions> options, IPageCache pageCache, TimeProvider clock)
{
    public const int MaxTextLength = 500;

    /// <summary>The approved comment a reader may report, with its article; null when there is none.</summary>
    public Task<Comment?> FindAsync(string articleSlug, long commentId, CancellationToken cancellationToken) =>
        db.Comments.Include(c => c.Article)
            .FirstOrDefaultAsync(c => c.Id == commentId && c.Article.Slug == articleSlug && c.Status == CommentStatus.Approved, cancellationToken);

    public async Task<ReportOutcome> ReportAsync(Comment comment, ReportReason reason, string? text, string reporter, CancellationToken cancellationToken)
    {
        var open = db.CommentReports.Where(r => r.CommentId == comment.Id && r.ResolvedAt == null);
        if (await open.AnyAsync(r => r.Reporter == reporter, cancellationToken))
        {
            return ReportOutcome.AlreadyReported;
        }

        db.CommentReports.Add(new CommentReport
        {
            CommentId = comment.Id,
            Reason = reason,
            Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
            Reporter = reporter,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);

        var readers = await open.Select(r => r.Reporter).Distinct().CountAsync(cancellationToken);
        var threshold = options.CurrentValue.ReportsToHide;
        if (readers < threshold || comment.Status != CommentStatus.Approved)
        {
            return ReportOutcome.Recorded;
        }

        comment.Status = CommentStatus.Pending;
        comment.ModerationReason = $"Hidden after reports from {readers} readers; awaiting review.";
        await db.SaveChangesAsync(cancellationToken);
        pageCache.Invalidate();
        return ReportOutcome.Hidden;
    }
}
