using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Moderation;
using Masthead.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masthead.Discussion.Editing;

/// <summary>Why a poster may not change a comment.</summary>
public enum EditRefusal
{
    None,

    /// <summary>No such comment here, or the secret does not match (the same answer, so ids cannot be probed).</summary>
    NotYours,

    /// <summary>The edit window has passed.</summary>
    TooLate,
}

/// <summary>
/// A poster changing or deleting their own comment within the edit window. An edit goes through
/// moderation again like a new comment, so a comment approved for its first text cannot be turned
/// into abuse; the text it replaced is kept for moderators. A deleted comment that has replies
/// stays in the thread as a "comment deleted" placeholder.
/// </summary>
public sealed class CommentEditor(
    MastheadDbContext db,
    ICommentModerator moderator,
    CommentMarkdown markdown,
    IPageCache pageCache,
    IOptionsMonitor<DiscussionOptions> options,
    TimeProvider clock)
{
    public async Task<(Comment? Comment, EditRefusal Refusal)> FindAsync(string articleSlug, long id, string? key, CancellationToken cancellationToken)
    {
        var comment = await db.Comments.Include(c => c.Article)
            .FirstOrDefaultAsync(c => c.Id == id && c.Article.Slug == articleSlug &&
                                      (c.Status == CommentStatus.Approved || c.Status == CommentStatus.Pending), cancellationToken);
        if (comment is null || !EditKeys.Matches(key, comment.EditKeyHash))
        {
            return (null, EditRefusal.NotYours);
        }

        return IsWithinWindow(comment.CreatedAt) ? (comment, EditRefusal.None) : (comment, EditRefusal.TooLate);
    }

    public bool IsWithinWindow(DateTime createdAt) =>
        options.CurrentValue.EditWindowMinutes > 0 &&
        clock.GetUtcNow().UtcDateTime <= createdAt.AddMinutes(options.CurrentValue.EditWindowMinutes);

    /// <summary>Replaces the text; returns a message for the body field when the text is not acceptable.</summary>
    public async Task<string?> EditAsync(Comment comment, string? newBody, string? ipAddress, string? userAgent, CancellationToken cancellationToken)
    {
        var body = CommentPoster.Clean(newBody).Trim();
        var max = options.CurrentValue.MaxCommentLength;
        if (body.Length == 0)
        {
            return "Please write a comment, or delete it instead.";
        }

        if (body.Length > max)
        {
            return $"Your comment is {body.Length:N0} characters long; the limit is {max:N0}. Please shorten it.";
        }

        if (body == comment.BodyMarkdown)
        {
            return null;
        }

        var verdict = await moderator.ModerateAsync(
            new CommentSubmission(comment.ArticleId, comment.AuthorName, comment.AuthorEmail, comment.AuthorUrl, body, ipAddress, userAgent), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        db.CommentRevisions.Add(new CommentRevision { CommentId = comment.Id, BodyMarkdown = comment.BodyMarkdown, ReplacedAt = now });
        comment.BodyMarkdown = body;
        comment.BodyHtml = markdown.ToHtml(body);
        comment.EditedAt = now;
        comment.Status = verdict.Status == CommentStatus.Approved && comment.Status == CommentStatus.Pending
            ? CommentStatus.Pending // held before the edit: still a moderator's call
            : verdict.Status;
        comment.ModerationReason = verdict.Reason.Length > 1000 ? verdict.Reason[..1000] : verdict.Reason;
        comment.ModerationDetails = verdict.Details;
        comment.ModerationCategory = verdict.Category;
        await db.SaveChangesAsync(cancellationToken);
        pageCache.Invalidate();
        return null;
    }

    public async Task DeleteAsync(Comment comment, CancellationToken cancellationToken)
    {
        db.CommentRevisions.Add(new CommentRevision { CommentId = comment.Id, BodyMarkdown = comment.BodyMarkdown, ReplacedAt = clock.GetUtcNow().UtcDateTime });
        comment.Status = CommentStatus.Deleted;
        comment.Featured = false;
        await db.SaveChangesAsync(cancellationToken);
        pageCache.Invalidate();
    }
}
