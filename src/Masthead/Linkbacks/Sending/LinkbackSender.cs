using System.Text;
using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Site;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Linkbacks.Sending;

/// <summary>
/// Sends due notifications from the outbox: fetches the linked page (through
/// <see cref="SafeFetcher"/>, so an article's link can never reach a private address), discovers its
/// endpoints, and sends a webmention if it takes them, else a pingback. Temporary failures are
/// retried with growing delays; refusals are final. Each outcome is written on the row for the newsroom.
/// </summary>
public sealed class LinkbackSender(MastheadDbContext db, SafeFetcher fetcher, TimeProvider clock, ILogger<LinkbackSender> logger)
{
    public const int BatchSize = 20;

    /// <summary>How long a claimed row is left alone by other servers: longer than one send can take.</summary>
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    /// <summary>Waits before the 2nd, 3rd, … attempt; after the last, the notification is given up.</summary>
    public static readonly RetrySchedule Retries =
        new(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromHours(24));

    /// <summary>Sends up to <see cref="BatchSize"/> due notifications; returns how many this server claimed and sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var due = await db.OutgoingLinkbacks.AsNoTracking().Include(o => o.Article)
            .Where(o => o.Status == OutgoingLinkbackStatus.Pending && o.NextAttemptAt <= clock.GetUtcNow().UtcDateTime)
            .OrderBy(o => o.NextAttemptAt).ThenBy(o => o.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var row in due)
        {
            // Several servers may share one database: a row is claimed (its next attempt moved a
            // few minutes on) before it is sent, and one that another server claimed first is skipped.
            var now = clock.GetUtcNow().UtcDateTime;
            var claimedUntil = now + ClaimFor;
            var claimed = await db.OutgoingLinkbacks
                .Where(o => o.Id == row.Id && o.Status == OutgoingLinkbackStatus.Pending && o.NextAttemptAt == row.NextAttemptAt)
                .ExecuteUpdateAsync(o => o.SetProperty(x => x.NextAttemptAt, claimedUntil), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            sent++;
            try
            {
                await SendAsync(row, now, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sending the linkback for {Target} failed", row.TargetUrl);
                Retry(row, now, $"Sending failed on this server ({e.GetType().Name}).", final: false);
            }

            // Written only if the row is still as claimed: an editor's save in the meantime (a new
            // version to announce, a link removed) re-queued it, and that wins.
            await db.OutgoingLinkbacks
                .Where(o => o.Id == row.Id && o.Status == OutgoingLinkbackStatus.Pending && o.NextAttemptAt == claimedUntil)
                .ExecuteUpdateAsync(o => o
                    .SetProperty(x => x.Status, row.Status)
                    .SetProperty(x => x.SentAs, row.SentAs)
                    .SetProperty(x => x.Attempts, row.Attempts)
                    .SetProperty(x => x.LastAttemptAt, row.LastAttemptAt)
                    .SetProperty(x => x.NextAttemptAt, row.NextAttemptAt)
                    .SetProperty(x => x.Result, row.Result.Length > 1000 ? row.Result[..1000] : row.Result), cancellationToken);
        }

        return sent;
    }

    /// <summary>When the next pending notification falls due, if any is pending.</summary>
    public async Task<DateTime?> NextDueAsync(CancellationToken cancellationToken) =>
        await db.OutgoingLinkbacks.Where(o => o.Status == OutgoingLinkbackStatus.Pending)
            .OrderBy(o => o.NextAttemptAt).Select(o => (DateTime?)o.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);

    private async Task SendAsync(OutgoingLinkback row, DateTime now, CancellationToken cancellationToken)
    {
        var article = row.Article;
        if (article.Status == ArticleStatus.Scheduled && article.PublishedAt is { } at && at > now)
        {
            row.NextAttemptAt = at;
            return;
        }

        row.Attempts++;
        row.LastAttemptAt = now;
        var source = row.SiteUrl + SiteUrls.Article(article.Slug);
        var target = new Uri(row.TargetUrl);
        var page = await fetcher.FetchAsync(target, cancellationToken);
        if (!page.Succeeded)
        {
            Retry(row, now, $"The linked page could not be read: {page.Problem}", final: page.AddressRefused);
            return;
        }

        var endpoints = EndpointDiscovery.Discover(page);
        if (endpoints.Webmention is { } webmention)
        {
            var answer = await fetcher.FetchAsync(webmention, cancellationToken, () => new FormUrlEncodedContent(
                [new("source", source), new("target", row.TargetUrl)]));
            Record(row, now, LinkbackKind.Webmention, webmention, answer, accepted: answer.Status is >= 200 and < 300, faultCode: null);
        }
        else if (endpoints.Pingback is { } pingback)
        {
            if (!row.LinkPresent)
            {
                Finish(row, OutgoingLinkbackStatus.Sent, "The link was removed; Pingback has no way to withdraw a ping, so nothing was sent.");
                return;
            }

            var answer = await fetcher.FetchAsync(pingback, cancellationToken, () => new StringContent(
                XmlRpc.Call("pingback.ping", source, row.TargetUrl), Encoding.UTF8, "text/xml"));
            var response = answer.Succeeded && answer.Status == 200 ? XmlRpc.Read(Encoding.UTF8.GetBytes(answer.Body)) : null;
            int? fault = response is { IsFault: true } && response.Members.TryGetValue("faultCode", out var value) && int.TryParse(value, out var code) ? code : null;
            // WordPress answers a duplicate with fault 409 (its "comment_duplicate"), as others use 48.
            var accepted = response is { IsFault: false } || fault is PingbackEndpoint.Faults.AlreadyRegistered or 409;
            Record(row, now, LinkbackKind.Pingback, pingback, answer, accepted, fault ?? (response is { IsFault: true } ? 0 : null));
        }
        else
        {
            Finish(row, OutgoingLinkbackStatus.NoEndpoint, $"{target.Host} takes neither webmentions nor pingbacks.");
        }

        logger.LogInformation("Linkback {Source} → {Target}: {Status} ({Result})", source, row.TargetUrl, row.Status, row.Result);
    }

    private static void Record(OutgoingLinkback row, DateTime now, LinkbackKind kind, Uri endpoint, FetchResult answer, bool accepted, int? faultCode)
    {
        var how = kind == LinkbackKind.Webmention ? "Webmention" : "Pingback";
        if (accepted)
        {
            row.SentAs = kind;
            Finish(row, OutgoingLinkbackStatus.Sent, $"{how} accepted by {endpoint.Host} ({answer.Status}).");
        }
        else if (!answer.Succeeded)
        {
            Retry(row, now, $"{how} to {endpoint.Host} failed: {answer.Problem}", final: answer.AddressRefused);
        }
        else if (faultCode is { } fault)
        {
            // 0 (unspecified), 50 (upstream) and WordPress's 429 (too soon after another ping) may
            // pass; the others say the ping itself is wrong.
            Retry(row, now, $"{how} refused by {endpoint.Host} with fault {fault}.", final: fault is not (0 or PingbackEndpoint.Faults.Upstream or 429));
        }
        else
        {
            // A 4xx other than "too many" or "timeout" will not change by asking again.
            var final = answer.Status is >= 400 and < 500 and not (408 or 429);
            Retry(row, now, $"{how} to {endpoint.Host} answered {answer.Status}: {Snippet(answer.Body)}", final);
        }
    }

    private static void Retry(OutgoingLinkback row, DateTime now, string result, bool final)
    {
        if (final || Retries.NextAttemptAt(row.Attempts, now) is not { } next)
        {
            Finish(row, OutgoingLinkbackStatus.Failed, result);
            return;
        }

        row.Result = $"{result} Trying again later (attempt {row.Attempts} of {Retries.MaxAttempts}).";
        row.NextAttemptAt = next;
    }

    private static void Finish(OutgoingLinkback row, OutgoingLinkbackStatus status, string result)
    {
        row.Status = status;
        row.Result = result;
    }

    private static string Snippet(string body)
    {
        var text = body.ReplaceLineEndings(" ").Trim();
        return text.Length <= 200 ? text : text[..200] + "…";
    }
}
