using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Masthead.Discussion;

/// <summary>Reports and votes per reader address per hour: a flood is refused, not stored.</summary>
public sealed class ReaderLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _reports;
    private readonly PartitionedRateLimiter<string> _votes;

    public ReaderLimits(IOptionsMonitor<DiscussionOptions> options)
    {
        _reports = PerHour(() => options.CurrentValue.ReportsPerHour);
        _votes = PerHour(() => options.CurrentValue.VotesPerHour);
    }

    public bool TryReport(HttpContext context) => TryAcquire(_reports, context);

    public bool TryVote(HttpContext context) => TryAcquire(_votes, context);

    private static PartitionedRateLimiter<string> PerHour(Func<int> permits) =>
        PartitionedRateLimiter.Create<string, string>(address =>
            RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits(),
                Window = TimeSpan.FromHours(1),
                QueueLimit = 0,
            }));

    private static bool TryAcquire(PartitionedRateLimiter<string> limiter, HttpContext context)
    {
        using var lease = limiter.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _reports.Dispose();
        _votes.Dispose();
    }
}
