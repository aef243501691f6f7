namespace Masthead.Discussion.Live;

/// <summary>A comment that has just become visible under an article.</summary>
public sealed record CommentPublished(int ArticleId, long CommentId, string AuthorName);

/// <summary>
/// Tells readers' open pages about newly visible comments. The site depends only on this
/// interface: the in-memory fan-out serves one server; several servers behind a balancer need one
/// shared by all (a Redis channel, say) so a comment approved on one reaches readers on another.
/// </summary>
public interface ICommentFanOut
{
    void Publish(CommentPublished comment);

    /// <summary>The comments published under <paramref name="articleId"/> from now until <paramref name="cancellationToken"/> ends; null when the server has as many listeners as it takes.</summary>
    IAsyncEnumerable<CommentPublished>? Subscribe(int articleId, CancellationToken cancellationToken);
}
