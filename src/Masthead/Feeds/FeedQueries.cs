using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Site;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Feeds;

public sealed record FeedArticle(
    int Id,
    string Slug,
    string Title,
    string Standfirst,
    string BodyMarkdown,
    DateTime PublishedAt,
    DateTime UpdatedAt,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Tags,
    string? Section,
    int CommentCount);

/// <param name="EditedAt">When the poster last changed it: the item's "updated" time, so readers see edits.</param>
public sealed record FeedComment(long Id, string AuthorName, string BodyHtml, DateTime CreatedAt, DateTime? EditedAt, string ArticleSlug, string ArticleTitle);

/// <summary>Reads what the feeds and the sitemap list: live articles only, approved comments only.</summary>
public sealed class FeedQueries(MastheadDbContext db, TimeProvider clock)
{
    public const int ItemCount = 20;

    public IQueryable<Article> Live() => db.Articles.AsNoTracking().Live(clock.GetUtcNow().UtcDateTime);

    public Task<List<FeedArticle>> ArticlesAsync(IQueryable<Article> query, int count, CancellationToken cancellationToken) =>
        query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(count)
            .Select(a => new FeedArticle(
                a.Id,
                a.Slug,
                a.Title,
                a.Standfirst,
                a.BodyMarkdown,
                a.PublishedAt!.Value,
                a.UpdatedAt,
                a.Authors.OrderBy(x => x.Position).Select(x => x.Author.Name).ToList(),
                a.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
                a.Section == null ? null : a.Section.Name,
                db.Comments.Count(c => c.ArticleId == a.Id && c.Status == CommentStatus.Approved)))
            .ToListAsync(cancellationToken);

    public async Task<FeedScope?> AuthorScopeAsync(string slug, CancellationToken cancellationToken) =>
        await db.Authors.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken) is { } author
            ? new FeedScope(author.Name, $"Articles by {author.Name}", SiteUrls.Author(slug), Live().Where(a => a.Authors.Any(x => x.AuthorId == author.Id)))
            : null;

    public async Task<FeedScope?> TagScopeAsync(string slug, CancellationToken cancellationToken) =>
        await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken) is { } tag
            ? new FeedScope(tag.Name, $"Articles about {tag.Name}", SiteUrls.Tag(slug), Live().Where(a => a.Tags.Any(t => t.Id == tag.Id)))
            : null;

    public async Task<FeedScope?> SectionScopeAsync(string slug, CancellationToken cancellationToken) =>
        await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken) is { } section
            ? new FeedScope(section.Name, $"Articles in {section.Name}", SiteUrls.Section(slug), Live().Where(a => a.SectionId == section.Id))
            : null;

    public Task<List<FeedComment>> CommentsAsync(int articleId, CancellationToken cancellationToken) =>
        db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == articleId && c.Status == CommentStatus.Approved)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Take(50)
            .Select(c => new FeedComment(c.Id, c.AuthorName, c.BodyHtml, c.CreatedAt, c.EditedAt, c.Article.Slug, c.Article.Title))
            .ToListAsync(cancellationToken);

    /// <summary>The latest approved comments across the site's live articles; deleted and held ones never appear.</summary>
    public Task<List<FeedComment>> RecentCommentsAsync(CancellationToken cancellationToken)
    {
        var live = Live();
        return db.Comments.AsNoTracking()
            .Where(c => c.Status == CommentStatus.Approved && live.Any(a => a.Id == c.ArticleId))
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Take(50)
            .Select(c => new FeedComment(c.Id, c.AuthorName, c.BodyHtml, c.CreatedAt, c.EditedAt, c.Article.Slug, c.Article.Title))
            .ToListAsync(cancellationToken);
    }

    public Task<List<SitemapEntry>> SitemapAsync(CancellationToken cancellationToken) =>
        Live().OrderByDescending(a => a.PublishedAt)
            .Take(50_000)
            .Select(a => new SitemapEntry(a.Slug, a.Title, a.PublishedAt!.Value, a.UpdatedAt))
            .ToListAsync(cancellationToken);
}

/// <summary>What a scoped feed covers: whose or which articles, and the page it mirrors.</summary>
public sealed record FeedScope(string Name, string Description, string PagePath, IQueryable<Article> Articles);

public sealed record SitemapEntry(string Slug, string Title, DateTime PublishedAt, DateTime UpdatedAt);
