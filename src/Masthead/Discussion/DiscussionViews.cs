using Masthead.Data.Entities;

namespace Masthead.Discussion;

public sealed record CommentView(
    long Id,
    long? ParentId,
    string AuthorName,
    string? AuthorUrl,
    string BodyHtml,
    DateTime CreatedAt,
    bool AwaitingModeration,
    int Upvotes = 0,
    int Downvotes = 0,
    double VoteScore = 0,
    bool Featured = false,
    DateTime? EditedAt = null,
    bool Deleted = false);

/// <summary>How conversations are ordered; replies within one stay in the order they were written.</summary>
public enum DiscussionSort
{
    Oldest,
    Newest,

    /// <summary>By the Wilson lower bound of the conversation's first comment's votes.</summary>
    Best,
}

public sealed record LinkbackView(
    long Id,
    LinkbackKind Kind,
    string SourceUrl,
    string Title,
    string SiteName,
    DateTime ReceivedAt)
{
    /// <summary>"Pingback", "Mention" or "Trackback", as the line under the article starts.</summary>
    public string Label => Kind switch
    {
        LinkbackKind.Webmention => "Mention",
        LinkbackKind.Trackback => "Trackback",
        _ => "Pingback",
    };
}

/// <summary>A comment placed in its thread.</summary>
public sealed class CommentNode(CommentView comment, int depth, CommentNode? parent, string? replyToName)
{
    public CommentView Comment { get; } = comment;

    /// <summary>1 for a top-level comment.</summary>
    public int Depth { get; } = depth;
    public CommentNode? Parent { get; } = parent;

    /// <summary>Set when the reply sits deeper than the site nests, so the reader still sees whom it answers.</summary>
    public string? ReplyToName { get; } = replyToName;
    public List<CommentNode> Children { get; } = [];
}

/// <summary>One top-level item of the discussion: a comment thread or a linkback.</summary>
public sealed record DiscussionEntry(DateTime At, CommentNode? Thread, LinkbackView? Linkback);

/// <param name="Page">The page of conversations shown, from 1.</param>
/// <param name="PageCount">1 when the discussion is not split into pages.</param>
public sealed record DiscussionView(
    IReadOnlyList<DiscussionEntry> Entries,
    int ApprovedCommentCount,
    bool IsOpen,
    int MaxDepth,
    int Page = 1,
    int PageCount = 1,
    DiscussionSort Sort = DiscussionSort.Oldest);
