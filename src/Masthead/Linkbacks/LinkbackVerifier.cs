using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Moderation;
using Masthead.Site;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Linkbacks;

/// <summary>What checking a notification came to.</summary>
public enum VerificationOutcome
{
    Stored,
    Updated,
    Removed,

    /// <summary>The source answered but does not link to the target.</summary>
    NoLink,

    /// <summary>The source answered that it does not exist (404, 410).</summary>
    Missing,

    /// <summary>The source could not be had: no answer, a server error, too large or too slow.</summary>
    Unreachable,

    /// <summary>The source is on an address this site never fetches.</summary>
    Refused,
}

/// <summary>
/// Checks one notification: fetches the source once, and stores, updates or removes the linkback.
/// A source that answers 410 or no longer links is removed; one that links is summarised and
/// passed through the moderation engine like a comment.
/// </summary>
public sealed class LinkbackVerifier(MastheadDbContext db, SafeFetcher fetcher, ModerationEngine engine, IPageCache pageCache, TimeProvider clock, ILogger<LinkbackVerifier> logger)
{
    /// <summary>
    /// A linkback as the moderation engine reads it: its title and excerpt as the text, the linking
    /// page as the commenter's website. A site that links to the article is not a drive-by stranger,
    /// so it counts as a commenter with one approved comment.
    /// </summary>
    public static CommentInput AsComment(string title, string excerpt, string author, string source, int articleId) =>
        new($"{title}\n\n{excerpt}", author, AuthorUrl: source,
            ThreadKey: articleId.ToString(System.Globalization.CultureInfo.InvariantCulture), History: new CommenterHistory(Approved: 1), Linkback: true);

    public async Task<VerificationOutcome> VerifyAsync(VerificationRequest request, CancellationToken cancellationToken)
    {
        var source = request.Source.AbsoluteUri;
        var existing = await db.Linkbacks.FirstOrDefaultAsync(l => l.ArticleId == request.ArticleId && l.SourceUrl == source, cancellationToken);
        var page = await fetcher.FetchAsync(request.Source, cancellationToken);
        var summary = page.Succeeded && page.Status is >= 200 and < 300 ? SourcePage.Read(page, request.Target) : null;
        if (summary is null)
        {
            if (existing is not null && (page.Status == StatusCodes.Status410Gone || page.Succeeded))
            {
                db.Linkbacks.Remove(existing);
                await db.SaveChangesAsync(cancellationToken);
                pageCache.Invalidate();
                logger.LogInformation("Removed {Kind} from {Source}: {Why}", request.Kind, source, page.Status == 410 ? "gone" : "no longer links");
                return VerificationOutcome.Removed;
            }

            logger.LogInformation("Ignored {Kind} from {Source}: {Why}", request.Kind, source, page.Problem ?? "no link to the target");
            return page.AddressRefused ? VerificationOutcome.Refused
                : page.Succeeded && page.Status is >= 200 and < 300 ? VerificationOutcome.NoLink
                : page.Status is 404 or 410 ? VerificationOutcome.Missing
                : VerificationOutcome.Unreachable;
        }

        var verdict = engine.Moderate(AsComment(summary.Title, summary.Excerpt, summary.AuthorName ?? summary.SiteName, source, request.ArticleId));
        var status = verdict.Action switch
        {
            ModerationAction.Approve => LinkbackStatus.Approved,
            ModerationAction.Spam => LinkbackStatus.Spam,
            ModerationAction.Reject => LinkbackStatus.Rejected,
            _ => LinkbackStatus.Pending,
        };

        var linkback = existing ?? db.Linkbacks.Add(new Linkback
        {
            ArticleId = request.ArticleId,
            SourceUrl = source,
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
        }).Entity;
        linkback.Kind = request.Kind;
        linkback.Title = summary.Title;
        linkback.Excerpt = summary.Excerpt;
        linkback.SiteName = summary.SiteName;

        // An update keeps a moderator's earlier decision; only a new linkback takes the engine's.
        if (existing is null)
        {
            linkback.Status = status;
        }

        await db.SaveChangesAsync(cancellationToken);
        pageCache.Invalidate();
        logger.LogInformation("{Kind} from {Source} stored as {Status}", request.Kind, source, linkback.Status);
        return existing is null ? VerificationOutcome.Stored : VerificationOutcome.Updated;
    }
}
