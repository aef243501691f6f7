using System.ComponentModel.DataAnnotations;

namespace Masthead.Discussion;

/// <summary>Bound from "Masthead:Discussion".</summary>
public sealed class DiscussionOptions
{
    public const string Section = "Masthead:Discussion";

    /// <summary>Whether a new article starts with comments open.</summary>
    public bool CommentsOnByDefault { get; set; } = true;

    /// <summary>Whether a commenter must give a name and an email address; without, a comment is signed "Anonymous".</summary>
    public bool RequireNameAndEmail { get; set; } = true;

    /// <summary>Conversations (a comment with its replies, or a linkback) per page of the discussion; 0 shows them all on one page, however many.</summary>
    [Range(0, 1000)]
    public int ConversationsPerPage { get; set; } = 50;

    /// <summary>Whether the newest conversations come first; replies stay in the order they were written.</summary>
    public bool NewestFirst { get; set; }

    /// <summary>Comments close this many days after publication; 0 keeps them open for ever.</summary>
    [Range(0, 36500)]
    public int CloseAfterDays { get; set; } = 30;

    /// <summary>Deepest reply level shown; deeper replies are shown at this level.</summary>
    [Range(1, 10)]
    public int MaxDepth { get; set; } = 4;

    [Range(100, 100_000)]
    public int MaxCommentLength { get; set; } = 5000;

    /// <summary>Largest comment form post accepted, in bytes; larger ones get 413.</summary>
    [Range(4096, 1_048_576)]
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Minutes after posting in which a poster may edit or delete their comment; 0 never.</summary>
    [Range(0, 1440)]
    public int EditWindowMinutes { get; set; } = 15;

    /// <summary>Distinct readers whose reports hide an approved comment until a moderator reviews it.</summary>
    [Range(1, 1000)]
    public int ReportsToHide { get; set; } = 3;

    /// <summary>Reports one reader (by address) may send per hour.</summary>
    [Range(1, 10_000)]
    public int ReportsPerHour { get; set; } = 20;

    /// <summary>Votes one reader (by address) may cast per hour.</summary>
    [Range(1, 100_000)]
    public int VotesPerHour { get; set; } = 300;

    /// <summary>How long a poster keeps seeing their own comments that await moderation.</summary>
    [Range(1, 90)]
    public int PendingCookieDays { get; set; } = 7;
}
