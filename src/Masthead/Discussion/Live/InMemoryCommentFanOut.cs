using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Masthead.Discussion.Live;

/// <summary>
/// The fan-out within one process: each listener has a small bounded channel; a listener too slow
/// to keep up loses the oldest notices rather than holding memory (its page is told "new comments"
/// either way). Listeners are capped so open connections cannot exhaust the server.
/// </summary>
public sealed class InMemoryCommentFanOut : ICommentFanOut
{
    public const int MaxListeners = 5000;

    private readonly ConcurrentDictionary<Channel<CommentPublished>, int> _listeners = new();
    private int _count;

    /// <summary>Listeners connected now, for tests and diagnostics.</summary>
    public int Listeners => Volatile.Read(ref _count);

    public void Publish(CommentPublished comment)
    {
        foreach (var (channel, articleId) in _listeners)
        {
            if (articleId == comment.ArticleId)
            {
                channel.Writer.TryWrite(comment);
            }
        }
    }

    public IAsyncEnumerable<CommentPublished>? Subscribe(int articleId, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _count) > MaxListeners)
        {
            Interlocked.Decrement(ref _count);
            return null;
        }

        var channel = Channel.CreateBounded<CommentPublished>(new BoundedChannelOptions(32) { FullMode = BoundedChannelFullMode.DropOldest });
        _listeners[channel] = articleId;
        return ReadAsync(channel, cancellationToken);
    }

    private async IAsyncEnumerable<CommentPublished> ReadAsync(Channel<CommentPublished> channel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var comment in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return comment;
            }
        }
        finally
        {
            _listeners.TryRemove(channel, out _);
            Interlocked.Decrement(ref _count);
        }
    }
}
