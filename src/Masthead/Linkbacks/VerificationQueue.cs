using System.Threading.Channels;
using Masthead.Data.Entities;

namespace Masthead.Linkbacks;

/// <summary>A notification waiting to be checked: another page says it links to one of our articles.</summary>
public sealed record VerificationRequest(LinkbackKind Kind, Uri Source, Uri Target, int ArticleId);

/// <summary>
/// Notifications accepted but not yet checked, drained by <see cref="VerificationWorker"/>. Bounded:
/// when full, new notifications are refused with 503 rather than queued without limit.
/// </summary>
public sealed class VerificationQueue
{
    private readonly Channel<VerificationRequest> _channel =
        Channel.CreateBounded<VerificationRequest>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>How many requests have been checked since start, for tests and diagnostics.</summary>
    public long Verified => Interlocked.Read(ref _verified);

    private long _verified;

    public bool TryEnqueue(VerificationRequest request) => _channel.Writer.TryWrite(request);

    public IAsyncEnumerable<VerificationRequest> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);

    public void Done() => Interlocked.Increment(ref _verified);
}
