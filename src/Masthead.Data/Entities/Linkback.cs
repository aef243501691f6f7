namespace Masthead.Data.Entities;

public enum LinkbackKind
{
    Pingback = 0,
    Webmention = 1,
    Trackback = 2,
}

public enum LinkbackStatus
{
    Pending = 0,
    Approved = 1,
    Spam = 2,
    Rejected = 3,
}

/// <summary>Another site's notice that it linked to one of our articles.</summary>
public sealed class Linkback
{
    public long Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public LinkbackKind Kind { get; set; }
    public required string SourceUrl { get; set; }
    public string Title { get; set; } = "";
    public string Excerpt { get; set; } = "";
    public string SiteName { get; set; } = "";
    public LinkbackStatus Status { get; set; }
    public DateTime ReceivedAt { get; set; }
}
