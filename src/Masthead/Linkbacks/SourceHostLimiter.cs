using Masthead.Site;
using Microsoft.Extensions.Options;

namespace Masthead.Linkbacks;

/// <summary>
/// A second limit beside the per-address one: notifications naming sources on one host. A spam
/// run sent from many addresses about pages on one site is cut off here, and a single site
/// cannot make this server fetch its pages without end.
/// </summary>
public sealed class SourceHostLimiter(IOptionsMonitor<LinkbackOptions> options) : IDisposable
{
    private readonly KeyedRateLimiter _limiter = new(() => options.CurrentValue.PerSourceHostPerMinute, TimeSpan.FromMinutes(1));

    public bool TryAcquire(Uri source) => _limiter.TryAcquire(source.IdnHost.ToLowerInvariant());

    public void Dispose() => _limiter.Dispose();
}
