namespace Masthead.Data.Entities;

/// <summary>A moderator's decision on a comment: the audit trail, and what the engine learns from.</summary>
public sealed class ModerationDecision
{
    public long Id { get; set; }
    public long CommentId { get; set; }
    public Comment Comment { get; set; } = null!;
    public CommentStatus From { get; set; }
    public CommentStatus To { get; set; }

    /// <summary>For a rejection: what the comment was (insult, hate, threat, profanity), in the engine's words.</summary>
    public string? Category { get; set; }
    public required string Moderator { get; set; }
    public DateTime DecidedAt { get; set; }
    public string? Note { get; set; }
}
