namespace Masthead.Data.Entities;

public enum CommentStatus
{
    Pending = 0,
    Approved = 1,
    Spam = 2,
    Rejected = 3,
    Deleted = 4,
}

public sealed class Comment
{
    public long Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public long? ParentId { get; set; }
    public Comment? Parent { get; set; }

    public required string AuthorName { get; set; }

    /// <summary>Never shown to readers; used for moderation and notifications.</summary>
    public required string AuthorEmail { get; set; }
    public string? AuthorUrl { get; set; }

    public required string BodyMarkdown { get; set; }

    /// <summary>Sanitized HTML rendered once when the comment is stored.</summary>
    public required string BodyHtml { get; set; }

    public DateTime CreatedAt { get; set; }
    public CommentStatus Status { get; set; }

    /// <summary>Why the moderation seam chose the status, for moderators.</summary>
    public string? ModerationReason { get; set; }

    /// <summary>What the engine took a held comment for (spam, insult, hate, threat, profanity), to filter the queue by.</summary>
    public string? ModerationCategory { get; set; }

    /// <summary>The engine's full decision as JSON: action, scores, reasons and offending spans.</summary>
    public string? ModerationDetails { get; set; }

    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }

    /// <summary>Readers' votes, counted from <see cref="CommentVote"/> rows whenever one changes.</summary>
    public int Upvotes { get; set; }
    public int Downvotes { get; set; }

    /// <summary>The lower bound of the Wilson interval on the share of up votes: what "best" sorts by.</summary>
    public double VoteScore { get; set; }

    /// <summary>Pinned by an editor: its conversation leads the discussion.</summary>
    public bool Featured { get; set; }

    /// <summary>SHA-256 of the secret that lets the poster edit or delete the comment for a while; the secret itself is never stored.</summary>
    public string? EditKeyHash { get; set; }

    /// <summary>The poster asked to be mailed about replies (sent only once their address is confirmed).</summary>
    public bool NotifyReplies { get; set; }

    /// <summary>When the poster last changed the text; earlier texts are kept as <see cref="CommentRevision"/> rows.</summary>
    public DateTime? EditedAt { get; set; }
}

/// <summary>A comment's text before one of its poster's edits, kept for moderators.</summary>
public sealed class CommentRevision
{
    public long Id { get; set; }
    public long CommentId { get; set; }
    public Comment Comment { get; set; } = null!;
    public required string BodyMarkdown { get; set; }

    /// <summary>When this text was replaced (or the comment deleted).</summary>
    public DateTime ReplacedAt { get; set; }
}
