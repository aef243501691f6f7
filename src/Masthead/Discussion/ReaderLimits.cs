using Masthead.Site;
using Microsoft.Extensions.Options;

namespace Masthead.Discussion;

/// <summary>Reports and votes per reader address per hour: a flood is refused, not stored.</summary>
public sealed class ReaderLimits(IOptionsMonitor<DiscussionOptions> options) : IDisposable
{
    private readonly KeyedRateLimiter _reports = new(() => options.CurrentValue.ReportsPerHour, TimeSpan.FromHours(1));
    private readonly KeyedRateLimiter _votes = new(() => options.CurrentValue.VotesPerHour, TimeSpan.FromHours(1));

    public bool TryReport(HttpContext context) => _reports.TryAcquire(AddressOf(context));

    public bool TryVote(HttpContext context) => _votes.TryAcquire(AddressOf(context));

    private static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public void Dispose()
    {
        _reports.Dispose();
        _votes.Dispose();
    }
}
