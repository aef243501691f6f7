using Masthead.Data;
using Masthead.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Moderation;

/// <summary>
/// The default policy: a commenter with an approved comment already is trusted and published at
/// once; anyone else waits for a moderator.
/// </summary>
public sealed class ReturningCommenterModerator(MastheadDbContext db) : ICommentModerator
{
    public async Task<ModerationVerdict> ModerateAsync(CommentSubmission submission, CancellationToken cancellationToken)
    {
        var email = submission.AuthorEmail;
        var known = await db.Comments.AnyAsync(c => c.AuthorEmail == email && c.Status == CommentStatus.Approved, cancellationToken);
        return known
            ? new ModerationVerdict(CommentStatus.Approved, "Returning commenter with approved comments.")
            : new ModerationVerdict(CommentStatus.Pending, "First comment from this address: held for a moderator.");
    }
}
