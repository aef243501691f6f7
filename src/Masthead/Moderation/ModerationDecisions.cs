using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Moderation;
using Masthead.Site;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Moderation;

/// <summary>The outcome of a moderator's decision.</summary>
public enum DecisionOutcome
{
    Done,
    NotFound,
    Unchanged,
}

/// <summary>
/// Applies a moderator's decision to a comment: records it (who, when, from, to, why), changes the
/// comment's status, clears cached pages if readers' view changed, and queues it for learning.
/// </summary>
public sealed class ModerationDecisions(MastheadDbContext db, LearningQueue learning, IPageCache pageCache, Mail.DiscussionMail mail, Discussion.Live.ICommentFanOut fanOut, TimeProvider clock)
{
    /// <param name="category">What the comment was; by default spam for spam, and for a rejection what the engine took it for.</param>
    public async Task<DecisionOutcome> DecideAsync(long commentId, CommentStatus to, string moderator, Category? category = null, string? note = null, CancellationToken cancellationToken = default)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId, cancellationToken);
        if (comment is null)
        {
            return DecisionOutcome.NotFound;
        }

        category ??= to switch
        {
            CommentStatus.Spam => Category.Spam,
            CommentStatus.Rejected => ParseCategory(comment.ModerationCategory),
            _ => null,
        };

        // A decision answers every open reader report on the comment, even one that keeps it as it is.
        var now = clock.GetUtcNow().UtcDateTime;
        var openReports = await db.CommentReports.Where(r => r.CommentId == commentId && r.ResolvedAt == null).ToListAsync(cancellationToken);
        foreach (var report in openReports)
        {
            report.ResolvedAt = now;
        }

        if (comment.Status == to && openReports.Count == 0)
        {
            return DecisionOutcome.Unchanged;
        }

        var from = comment.Status;
        comment.Status = to;
        db.ModerationDecisions.Add(new ModerationDecision
        {
            CommentId = comment.Id,
            From = from,
            To = to,
            Category = category?.ToString().ToLowerInvariant(),
            Moderator = moderator,
            DecidedAt = now,
            // Without a note of the moderator's own, the record keeps why the comment was where it was.
            Note = note ?? (from == to ? $"Kept after {openReports.Count} report(s)." : Truncate(comment.ModerationReason)),
        });
        await db.SaveChangesAsync(cancellationToken);

        if (from == CommentStatus.Approved || to == CommentStatus.Approved)
        {
            pageCache.Invalidate();
        }

        if (from == CommentStatus.Pending && to == CommentStatus.Approved &&
            await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == comment.ArticleId, cancellationToken) is { } article)
        {
            await mail.PublishedAsync(comment, article, cancellationToken);
        }

        if (from != CommentStatus.Approved && to == CommentStatus.Approved)
        {
            fanOut.Publish(new Discussion.Live.CommentPublished(comment.ArticleId, comment.Id, comment.AuthorName));
        }

        if (from != to && ToAction(to) is { } action)
        {
            await learning.EnqueueAsync(new LearningItem(new CommentInput(comment.BodyMarkdown, comment.AuthorName, AuthorUrl: comment.AuthorUrl), action, category), cancellationToken);
        }

        return DecisionOutcome.Done;
    }

    /// <summary>Bans the commenter of a comment by the chosen kinds (email, address, name) for a while or for good.</summary>
    /// <returns>How many bans were recorded; none when the comment does not exist or has none of the kinds' values.</returns>
    public async Task<int> BanAsync(long commentId, IReadOnlyCollection<BanKind> kinds, TimeSpan? duration, string moderator, string? reason, CancellationToken cancellationToken)
    {
        var comment = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == commentId, cancellationToken);
        if (comment is null)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var kind in kinds.Distinct())
        {
            if (Bans.ValueFor(comment, kind) is not { Length: > 0 } value)
            {
                continue;
            }

            db.CommenterBans.Add(new CommenterBan
            {
                Kind = kind,
                Value = value,
                CreatedAt = now,
                ExpiresAt = duration is { } d ? now + d : null,
                Moderator = moderator,
                Reason = reason,
                CommentId = comment.Id,
            });
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private static string? Truncate(string? reason) => reason is { Length: > 500 } ? reason[..500] : reason;

    /// <summary>The decisions the engine learns from; a deletion or a return to the queue teaches nothing.</summary>
    public static ModerationAction? ToAction(CommentStatus status) => status switch
    {
        CommentStatus.Approved => ModerationAction.Approve,
        CommentStatus.Spam => ModerationAction.Spam,
        CommentStatus.Rejected => ModerationAction.Reject,
        _ => null,
    };

    public static Category? ParseCategory(string? value) =>
        Enum.TryParse<Category>(value, ignoreCase: true, out var category) ? category : null;
}
