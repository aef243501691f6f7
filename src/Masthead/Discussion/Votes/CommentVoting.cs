using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Site;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Discussion.Votes;

/// <summary>A comment's counts after a vote, and what this reader's vote now is (+1, -1 or 0).</summary>
public sealed record VoteResult(long CommentId, int Upvotes, int Downvotes, int Yours);

/// <summary>
/// Readers' up and down votes: one per reader per comment; the same vote again takes it back, the
/// other one replaces it. Counts are recounted from the votes, so they never drift.
/// </summary>
public sealed class CommentVoting(MastheadDbContext db, IPageCache pageCache, TimeProvider clock)
{
    /// <returns>Null when there is no approved comment with that id under that article.</returns>
    public async Task<VoteResult?> VoteAsync(string articleSlug, long commentId, int value, string voter, CancellationToken cancellationToken)
    {
        if (!await db.Comments.AnyAsync(c => c.Id == commentId && c.Article.Slug == articleSlug && c.Status == CommentStatus.Approved, cancellationToken))
        {
            return null;
        }

        var vote = await db.CommentVotes.FirstOrDefaultAsync(v => v.CommentId == commentId && v.Voter == voter, cancellationToken);
        var yours = value;
        if (vote is null)
        {
            db.CommentVotes.Add(new CommentVote { CommentId = commentId, Voter = voter, Value = (short)value, CreatedAt = clock.GetUtcNow().UtcDateTime });
        }
        else if (vote.Value == value)
        {
            db.CommentVotes.Remove(vote);
            yours = 0;
        }
        else
        {
            vote.Value = (short)value;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same reader's vote arrived twice at once; the first one stands.
            db.ChangeTracker.Clear();
        }

        var up = await db.CommentVotes.CountAsync(v => v.CommentId == commentId && v.Value > 0, cancellationToken);
        var down = await db.CommentVotes.CountAsync(v => v.CommentId == commentId && v.Value < 0, cancellationToken);
        var score = WilsonScore.LowerBound(up, down);
        await db.Comments.Where(c => c.Id == commentId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Upvotes, up).SetProperty(c => c.Downvotes, down).SetProperty(c => c.VoteScore, score), cancellationToken);
        pageCache.Invalidate();
        return new VoteResult(commentId, up, down, yours);
    }
}
