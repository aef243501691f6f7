namespace Masthead.Data.Entities;

public enum OutgoingLinkbackStatus
{
    /// <summary>Waiting to be sent, or to be tried again after a failure.</summary>
    Pending = 0,

    /// <summary>The other site accepted the notification.</summary>
    Sent = 1,

    /// <summary>The linked page takes neither webmentions nor pingbacks.</summary>
    NoEndpoint = 2,

    /// <summary>Refused by the other site, or still failing after every retry.</summary>
    Failed = 3,
}

/// <summary>
/// One link from one of our articles to another site, and where telling that site about it
/// stands. The table is the persistent queue of notifications to send: a row is due when it is
/// pending and its next attempt time has come.
/// </summary>
public sealed class OutgoingLinkback
{
    public long Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public required string TargetUrl { get; set; }

    /// <summary>The site's own address when the link was planned; the article's URL is built from it when sending.</summary>
    public required string SiteUrl { get; set; }

    /// <summary>False once the article no longer links to the target: a webmention tells the other site to drop its mention.</summary>
    public bool LinkPresent { get; set; } = true;

    public OutgoingLinkbackStatus Status { get; set; }

    /// <summary>How the last notification went out, once one has.</summary>
    public LinkbackKind? SentAs { get; set; }

    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LastAttemptAt { get; set; }

    /// <summary>What the last attempt came to, in words for the newsroom.</summary>
    public string Result { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
