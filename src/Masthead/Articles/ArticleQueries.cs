using Masthead.Data;
using Masthead.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Articles;

/// <summary>Read-side queries for the reader site. Only live articles are ever returned.</summary>
public sealed class ArticleQueries(MastheadDbContext db, TimeProvider clock)
{
    public const int PageSize = 10;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<Article> Live() => db.Articles.AsNoTracking().Live(Now);

    public Task<ArticlePage> LatestAsync(int page, CancellationToken cancellationToken) =>
        PageAsync(Live(), page, cancellationToken);

    public Task<ArticlePage> ByAuthorAsync(int authorId, int page, CancellationToken cancellationToken) =>
        PageAsync(Live().Where(a => a.Authors.Any(x => x.AuthorId == authorId)), page, cancellationToken);

    public Task<ArticlePage> BySectionAsync(int sectionId, int page, CancellationToken cancellationToken) =>
        PageAsync(Live().Where(a => a.SectionId == sectionId), page, cancellationToken);

    public Task<ArticlePage> ByTagAsync(int tagId, int page, CancellationToken cancellationToken) =>
        PageAsync(Live().Where(a => a.Tags.Any(t => t.Id == tagId)), page, cancellationToken);

    public async Task<ArticleLookup> FindBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking()
            .Include(a => a.Authors.OrderBy(x => x.Position)).ThenInclude(x => x.Author)
            .Include(a => a.Tags.OrderBy(t => t.Name))
            .Include(a => a.Section)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);

        if (article is null)
        {
            var moved = await db.ArticleSlugs.AsNoTracking()
                .Where(s => s.Slug == slug)
                .Select(s => new { s.Article.Slug, s.Article.Status, s.Article.PublishedAt })
                .FirstOrDefaultAsync(cancellationToken);
            return moved is null ? new ArticleLookup.NotFound() : new ArticleLookup.Moved(moved.Slug);
        }

        if (article.Status == ArticleStatus.Withdrawn)
        {
            return new ArticleLookup.Gone();
        }

        return article.IsLive(Now) ? new ArticleLookup.Found(article) : new ArticleLookup.NotFound();
    }

    public Task<Author?> FindAuthorAsync(string slug, CancellationToken cancellationToken) =>
        db.Authors.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);

    public Task<Section?> FindSectionAsync(string slug, CancellationToken cancellationToken) =>
        db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);

    public Task<Tag?> FindTagAsync(string slug, CancellationToken cancellationToken) =>
        db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);

    private async Task<ArticlePage> PageAsync(IQueryable<Article> query, int page, CancellationToken cancellationToken, int size = PageSize)
    {
        page = Math.Clamp(page, 1, 100_000);
        var rows = await query
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * size).Take(size + 1)
            .Select(a => new ArticleSummary(
                a.Id,
                a.Slug,
                a.Title,
                a.Standfirst,
                a.PublishedAt!.Value,
                a.Authors.OrderBy(x => x.Position).Select(x => new AuthorRef(x.Author.Slug, x.Author.Name)).ToList(),
                a.Section == null ? null : new TopicRef(a.Section.Slug, a.Section.Name),
                db.Comments.Count(c => c.ArticleId == a.Id && c.Status == CommentStatus.Approved)))
            .ToListAsync(cancellationToken);

        var hasNext = rows.Count > size;
        return new ArticlePage(hasNext ? rows[..size] : rows, page, hasNext);
    }
}
