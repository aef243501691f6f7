namespace Masthead.Moderation;

/// <summary>What the engine is told about a comment. Nothing here is trusted: it all came from a reader.</summary>
/// <param name="Linkback">
/// A pingback or webmention read as a comment: its <paramref name="AuthorUrl"/> is the page that
/// linked here, which every linkback has, not a website a commenter chose to give.
/// </param>
public sealed record CommentInput(
    string Text,
    string? AuthorName = null,
    string? AuthorEmail = null,
    string? AuthorUrl = null,
    string? IpAddress = null,
    string? ThreadKey = null,
    CommenterHistory? History = null,
    bool Linkback = false);

/// <summary>What the site knows about the commenter from earlier comments; the engine does not look it up itself.</summary>
public sealed record CommenterHistory(
    int Approved = 0,
    int Held = 0,
    int Spam = 0,
    int Rejected = 0,
    bool Banned = false,
    bool MarkedSpamBefore = false)
{
    public static CommenterHistory None { get; } = new();

    public bool IsFirstTime => Approved == 0;
}
