namespace Masthead.Data.Entities;

/// <summary>Why a reader reported a comment.</summary>
public enum ReportReason
{
    Spam = 0,
    Abuse = 1,
    Hate = 2,
    Threat = 3,
    Other = 4,
}

/// <summary>A reader's report of a comment; reported comments wait in the moderation queue's "reported" tab.</summary>
public sealed class CommentReport
{
    public long Id { get; set; }
    public long CommentId { get; set; }
    public Comment Comment { get; set; } = null!;
    public ReportReason Reason { get; set; }

    /// <summary>The reader's own words, for "other".</summary>
    public string? Text { get; set; }

    /// <summary>Who reported, as a keyed hash of their cookie or address: enough to count distinct readers, nothing to identify them.</summary>
    public required string Reporter { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>When a moderator decided on the comment after this report; open reports have none.</summary>
    public DateTime? ResolvedAt { get; set; }
}
