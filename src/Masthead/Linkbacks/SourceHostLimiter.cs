using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Masthead.Linkbacks;

/// <summary>
/// A second limit beside the per-address one: notifications naming sources on one host. A spam
/// run sent from many addresses about pages on one site is cut off here, and a single site
/// cannot make this server fetch its pages without end.
/// </summary>
public sealed class SourceHostLimiter(IOptionsMonitor<LinkbackOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(host =>
        RateLimitPartition.GetFixedWindowLimiter(host, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.CurrentValue.PerSourceHostPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public bool TryAcquire(Uri source)
    {
        using var lease = _limiter.AttemptAcquire(source.IdnHost.ToLowerInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
