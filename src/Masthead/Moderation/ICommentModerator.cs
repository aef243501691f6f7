using Masthead.Data.Entities;

namespace Masthead.Moderation;

/// <summary>What the moderation seam is told about a new comment.</summary>
public sealed record CommentSubmission(
    int ArticleId,
    string AuthorName,
    string AuthorEmail,
    string? AuthorUrl,
    string Body,
    string? IpAddress,
    string? UserAgent);

/// <param name="Details">The engine's decision as JSON (action, scores, reasons, spans), stored with the comment.</param>
/// <param name="Category">What a comment not approved was taken for (spam, insult, hate, threat, profanity).</param>
public sealed record ModerationVerdict(CommentStatus Status, string Reason, string? Details = null, string? Category = null);

/// <summary>
/// The one place every new comment passes before it is stored. The site depends only on this
/// interface, so the policy behind it can grow without touching the discussion code.
/// </summary>
public interface ICommentModerator
{
    Task<ModerationVerdict> ModerateAsync(CommentSubmission submission, CancellationToken cancellationToken);
}
