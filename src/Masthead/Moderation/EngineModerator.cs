using System.Text.Json;
using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Moderation;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Moderation;

/// <summary>
/// The site's moderation seam backed by the engine: looks up what the commenter did before, asks
/// the engine, and turns its action into a comment status with the reasons kept for moderators.
/// </summary>
public sealed class EngineModerator(MastheadDbContext db, ModerationEngine engine, TimeProvider clock) : ICommentModerator
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ModerationVerdict> ModerateAsync(CommentSubmission submission, CancellationToken cancellationToken)
    {
        var history = await HistoryAsync(submission, cancellationToken);
        var result = engine.Moderate(new CommentInput(
            submission.Body, submission.AuthorName, submission.AuthorEmail, submission.AuthorUrl, submission.IpAddress,
            ThreadKey: submission.ArticleId.ToString(System.Globalization.CultureInfo.InvariantCulture), History: history));

        var status = result.Action switch
        {
            ModerationAction.Approve => CommentStatus.Approved,
            ModerationAction.Spam => CommentStatus.Spam,
            ModerationAction.Reject => CommentStatus.Rejected,
            _ => CommentStatus.Pending,
        };
        var category = result.Action == ModerationAction.Approve
            ? null
            : result.Scores.Where(s => s.Value > 0).OrderByDescending(s => s.Value).Select(s => s.Key.ToString().ToLowerInvariant()).FirstOrDefault();
        return new ModerationVerdict(status, string.Join(" ", result.Reasons), Describe(result), category);
    }

    private async Task<CommenterHistory> HistoryAsync(CommentSubmission submission, CancellationToken cancellationToken)
    {
        var email = submission.AuthorEmail;
        var ip = submission.IpAddress;
        // Without an email (where the settings allow it) there is no history to find by it.
        var counts = email.Length == 0 ? [] : await db.Comments.AsNoTracking()
            .Where(c => c.AuthorEmail == email)
            .GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(CommentStatus s) => counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0;

        // The same address or display name as earlier spam is suspect even under a new email.
        var name = submission.AuthorName;
        var spamFromAddress = ip is not null &&
            await db.Comments.AnyAsync(c => c.IpAddress == ip && c.Status == CommentStatus.Spam, cancellationToken);
        // A name is no proof of identity: only spam a moderator confirmed under it counts, so one
        // spammer borrowing a regular's name cannot get the regular held by the engine's own verdict.
        var spamUnderName = await db.ModerationDecisions.AnyAsync(d => d.To == CommentStatus.Spam && d.Comment.AuthorName == name, cancellationToken);
        return new CommenterHistory(
            Approved: Count(CommentStatus.Approved),
            Held: Count(CommentStatus.Pending),
            Spam: Count(CommentStatus.Spam),
            Rejected: Count(CommentStatus.Rejected),
            Banned: await Bans.IsBannedAsync(db, email, ip, name, clock.GetUtcNow().UtcDateTime, cancellationToken),
            MarkedSpamBefore: spamFromAddress || spamUnderName);
    }

    private static string Describe(ModerationResult result) => JsonSerializer.Serialize(new
    {
        action = result.Action.ToString().ToLowerInvariant(),
        scores = result.Scores.ToDictionary(s => s.Key.ToString().ToLowerInvariant(), s => Math.Round(s.Value, 4)),
        reasons = result.Reasons,
        spans = result.Spans.Select(s => new { start = s.Start, length = s.Length }),
        signals = result.Signals.Select(s => new { phase = s.Phase, category = s.Category.ToString().ToLowerInvariant(), score = Math.Round(s.Score, 4), reason = s.Reason }),
    }, Json);
}
