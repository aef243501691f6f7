using Masthead.Data;
using Masthead.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Discussion;

/// <summary>
/// <c>GET /api/comment-counts?articles=slug-a,slug-b</c>: approved comments per article, for home
/// pages and other sites' "N comments" links. Exact counts from one grouped query; readable from
/// any origin, since counts are public and the answer carries no cookies.
/// </summary>
public static class CommentCountsEndpoint
{
    public const string Path = "/api/comment-counts";
    public const int MaxArticles = 100;

    public static WebApplication MapCommentCounts(this WebApplication app)
    {
        app.MapGet(Path, CountAsync);
        return app;
    }

    private static async Task<IResult> CountAsync(string? articles, HttpContext context, MastheadDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var slugs = (articles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (slugs.Count == 0 || slugs.Count > MaxArticles || slugs.Any(s => !Articles.Slugs.IsValid(s)))
        {
            return Results.Json(new { error = $"Give 1 to {MaxArticles} article slugs, comma-separated, in 'articles'." }, statusCode: StatusCodes.Status400BadRequest);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var live = await db.Articles.Live(now).Where(a => slugs.Contains(a.Slug)).Select(a => a.Slug).ToListAsync(cancellationToken);
        var counts = await db.Comments
            .Where(c => c.Status == CommentStatus.Approved && slugs.Contains(c.Article.Slug))
            .GroupBy(c => c.Article.Slug)
            .Select(g => new { Slug = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Slug, x => x.Count, cancellationToken);

        context.Response.Headers.AccessControlAllowOrigin = "*";
        context.Response.Headers.CacheControl = "public, max-age=60";
        return Results.Json(live.ToDictionary(s => s, s => counts.GetValueOrDefault(s)));
    }
}
