using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Masthead.Discussion.Reports;

/// <summary>Reports per reader address per hour: a flood of reports is refused, not stored.</summary>
public sealed class ReportLimiter(IOptionsMonitor<DiscussionOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.CurrentValue.ReportsPerHour,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));

    public bool TryAcquire(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
