using System.Threading.RateLimiting;

namespace Masthead.Site;

/// <summary>
/// A fixed-window limit per key (an address, a host): so many permits per window, no queue, a
/// refusal once they are spent. <paramref name="permits"/> is read when a key's window is made,
/// so changed settings apply to keys seen afterwards.
/// </summary>
public sealed class KeyedRateLimiter(Func<int> permits, TimeSpan window) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits(),
            Window = window,
            QueueLimit = 0,
        }));

    public bool TryAcquire(string key)
    {
        using var lease = _limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
