using System.Threading.Channels;

namespace Masthead.Site;

/// <summary>
/// Wakes a background worker whose queue is a database table, so new work goes out at once
/// instead of at the next poll. Carries no data; several wake-ups before the worker looks count once.
/// </summary>
public abstract class WakeSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when woken or when <paramref name="timeout"/> has passed on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _channel.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The timeout passed without a wake-up: time to poll.
        }
    }
}
