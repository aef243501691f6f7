namespace Masthead.Data.Entities;

/// <summary>What a ban matches a new comment on.</summary>
public enum BanKind
{
    Email = 0,
    IpAddress = 1,
    Name = 2,
}

/// <summary>A commenter a moderator banned: their comments are held until the ban ends.</summary>
public sealed class CommenterBan
{
    public long Id { get; set; }
    public BanKind Kind { get; set; }

    /// <summary>The email (lower case), address or display name banned.</summary>
    public required string Value { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the ban ends; none for a permanent ban.</summary>
    public DateTime? ExpiresAt { get; set; }
    public required string Moderator { get; set; }
    public string? Reason { get; set; }

    /// <summary>The comment the ban was made from, if any.</summary>
    public long? CommentId { get; set; }
}
