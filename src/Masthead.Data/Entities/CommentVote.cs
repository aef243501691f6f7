namespace Masthead.Data.Entities;

/// <summary>One reader's vote on one comment: +1 or -1. A reader has at most one per comment.</summary>
public sealed class CommentVote
{
    public long Id { get; set; }
    public long CommentId { get; set; }
    public Comment Comment { get; set; } = null!;

    /// <summary>Who voted, as a hash of their reader cookie or address (see the site's ReaderKey).</summary>
    public required string Voter { get; set; }

    public short Value { get; set; }
    public DateTime CreatedAt { get; set; }
}
