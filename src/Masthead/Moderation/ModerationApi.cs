using Masthead.Data;
using Masthead.Moderation.Queue;
using Microsoft.EntityFrameworkCore;
using Masthead.Newsroom;

namespace Masthead.Moderation;

/// <summary>The moderation queue as JSON, for scripts and other tools: each comment with the engine's explanation.</summary>
public static class ModerationApi
{
    public static IEndpointRouteBuilder MapModeration(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(NewsroomSetup.PathPrefix + "/api/comments").RequireAuthorization(StaffPolicies.Moderate);
        api.MapGet("/{id:long}", async (long id, ModerationQueue queue, MastheadDbContext db, CancellationToken cancellationToken) =>
        {
            if (await queue.FindAsync(id, cancellationToken) is not { } item)
            {
                return Results.NotFound();
            }

            // The comment's audit trail: every decision, who made it and when.
            var decisions = await db.ModerationDecisions.AsNoTracking().Where(d => d.CommentId == id).OrderBy(d => d.DecidedAt)
                .Select(d => new { from = d.From.ToString().ToLower(), to = d.To.ToString().ToLower(), d.Category, d.Moderator, at = d.DecidedAt, d.Note })
                .ToListAsync(cancellationToken);
            return Results.Ok(new { comment = ToJson(item), decisions });
        });
        api.MapGet("/", async (string? tab, ModerationQueue queue, CancellationToken cancellationToken) =>
        {
            var parsed = QueueTab.Pending;
            if (tab is not null && (!Enum.TryParse(tab, ignoreCase: true, out parsed) || !Enum.IsDefined(parsed)))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "tab is one of pending, reported, spam, rejected, approved, all.");
            }

            var page = await queue.LoadAsync(new QueueFilter(parsed, OldestFirst: false, null, null, Page: 1), cancellationToken);
            return Results.Ok(new { total = page.Total, comments = page.Items.Select(ToJson) });
        });
        return app;
    }

    private static object ToJson(QueueItem item) => new
    {
        id = item.Id,
        article = new { slug = item.ArticleSlug, title = item.ArticleTitle },
        author = new { name = item.AuthorName, email = item.AuthorEmail, url = item.AuthorUrl, ip = item.IpAddress },
        text = item.Text,
        createdAt = item.CreatedAt,
        status = item.Status.ToString().ToLowerInvariant(),
        category = item.Category,
        moderation = new
        {
            action = item.Explanation.Action,
            scores = item.Explanation.Scores,
            reasons = item.Explanation.Reasons,
            spans = item.Explanation.Spans.Select(s => new { start = s.Start, length = s.Length, text = Slice(item.Text, s.Start, s.Length) }),
            signals = item.Explanation.Signals,
        },
        commenter = new
        {
            approved = item.Commenter.Approved,
            held = item.Commenter.Held,
            spam = item.Commenter.Spam,
            rejected = item.Commenter.Rejected,
            firstSeen = item.Commenter.FirstSeen == DateTime.MinValue ? (DateTime?)null : item.Commenter.FirstSeen,
            otherNames = item.Commenter.OtherNames,
        },
    };

    private static string Slice(string text, int start, int length)
    {
        var from = Math.Clamp(start, 0, text.Length);
        return text[from..Math.Clamp(start + length, from, text.Length)];
    }
}
