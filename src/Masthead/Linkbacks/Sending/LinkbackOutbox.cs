using Masthead.Articles;
using Masthead.Data;
using Masthead.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masthead.Linkbacks.Sending;

/// <summary>
/// Plans the notifications an article's save calls for, inside the same unit of work as the save:
/// they are stored with the article or not at all (a transactional outbox), and
/// <see cref="LinkbackSender"/> sends them later. Every link of a public article is (re)notified,
/// as the Webmention recommendation asks of an updated post; a link that disappeared, or every
/// link of an article taken down, is notified once more so the other site can drop its mention.
/// </summary>
public sealed class LinkbackOutbox(MastheadDbContext db, ArticleMarkdown markdown, IOptionsMonitor<LinkbackOptions> options)
{
    /// <param name="siteUrl">Where readers reach this site; without it no article URL can be given, and nothing is planned.</param>
    public async Task PlanAsync(Article article, string? siteUrl, DateTime now, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.Send || string.IsNullOrEmpty(siteUrl))
        {
            return;
        }

        var isPublic = article.Status is ArticleStatus.Published or ArticleStatus.Scheduled;
        var links = isPublic ? OutboundLinks.Find(markdown.ToHtml(article.BodyMarkdown), siteUrl) : [];
        var planned = article.Id == 0
            ? []
            : await db.OutgoingLinkbacks.Where(o => o.ArticleId == article.Id).ToListAsync(cancellationToken);

        // A scheduled article tells no one before it is out.
        var due = article.PublishedAt is { } at && at > now ? at : now;
        foreach (var target in links)
        {
            var row = planned.Find(o => o.TargetUrl == target);
            if (row is null)
            {
                row = new OutgoingLinkback { Article = article, TargetUrl = target, SiteUrl = siteUrl, CreatedAt = now };
                db.OutgoingLinkbacks.Add(row);
            }

            row.LinkPresent = true;
            Queue(row, siteUrl, due);
        }

        foreach (var row in planned.Where(o => !links.Contains(o.TargetUrl, StringComparer.Ordinal)))
        {
            if (row.SentAs is null)
            {
                // Never announced, so there is nothing to withdraw.
                db.OutgoingLinkbacks.Remove(row);
            }
            else if (row.LinkPresent)
            {
                row.LinkPresent = false;
                Queue(row, siteUrl, now);
            }
        }
    }

    /// <summary>Where the notifications for one article stand, for the editor.</summary>
    public async Task<IReadOnlyList<OutgoingLinkback>> ListAsync(int articleId, CancellationToken cancellationToken) =>
        await db.OutgoingLinkbacks.AsNoTracking().Where(o => o.ArticleId == articleId).OrderBy(o => o.Id).ToListAsync(cancellationToken);

    private static void Queue(OutgoingLinkback row, string siteUrl, DateTime due)
    {
        row.SiteUrl = siteUrl;
        row.Status = OutgoingLinkbackStatus.Pending;
        row.Attempts = 0;
        row.NextAttemptAt = due;
        row.Result = "Waiting to be sent.";
    }
}
