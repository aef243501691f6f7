using System.Threading.Channels;
using Masthead.Moderation;

namespace Masthead.Moderation;

/// <summary>A moderator's decision, as the engine learns it.</summary>
public sealed record LearningItem(CommentInput Comment, ModerationAction Decision, Category? Category);

/// <summary>
/// Decisions waiting to be learned. Bounded, so a burst of bulk decisions slows the writer rather
/// than growing memory; drained by <see cref="LearningWorker"/>.
/// </summary>
public sealed class LearningQueue
{
    private readonly Channel<LearningItem> _channel = Channel.CreateBounded<LearningItem>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long _learned;

    public ChannelReader<LearningItem> Reader => _channel.Reader;

    /// <summary>How many decisions the engine has learned since start (replayed ones included).</summary>
    public long Learned => Interlocked.Read(ref _learned);

    public ValueTask EnqueueAsync(LearningItem item, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(item, cancellationToken);

    internal void MarkLearned() => Interlocked.Increment(ref _learned);
}
