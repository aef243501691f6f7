using System.Globalization;
using Masthead.Articles;
using Masthead.Data;
using Masthead.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Newsroom;

/// <summary>The front matter of an article file (<c>masthead article import FILE.md</c>).</summary>
public sealed class ArticleFile
{
    public string? Title { get; set; }
    public string? Slug { get; set; }

    /// <summary>The slug the article had before; lets an import rename a published article, keeping a redirect.</summary>
    public string? RenamedFrom { get; set; }
    public string? Standfirst { get; set; }
    public List<string>? Authors { get; set; }
    public string? Section { get; set; }
    public List<string>? Tags { get; set; }
    public string? Date { get; set; }
    public string? Status { get; set; }
    public bool? Comments { get; set; }
}

/// <summary>Creates or updates an article from Markdown with YAML front matter, matched by slug.</summary>
public sealed class ArticleImporter(MastheadDbContext db, Site.IPageCache pageCache, Site.SiteContext site, TimeProvider clock)
{
    public async Task<ImportResult> ImportAsync(string text, CancellationToken cancellationToken)
    {
        var (yaml, body) = FrontMatter.Split(text);
        var file = FrontMatter.Read<ArticleFile>(yaml);
        var now = clock.GetUtcNow().UtcDateTime;

        var title = file.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 300)
        {
            throw new ImportException("'title' is required and can be at most 300 characters.");
        }

        var slug = string.IsNullOrWhiteSpace(file.Slug) ? Slugs.From(title) : file.Slug.Trim();
        if (!Slugs.IsValid(slug))
        {
            throw new ImportException($"'{slug}' is not a valid slug: use lower-case letters, digits and single hyphens.");
        }

        if (file.Standfirst is { Length: > 1000 })
        {
            throw new ImportException("'standfirst' can be at most 1,000 characters.");
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            throw new ImportException("The article has no body below the front matter.");
        }

        var authorSlugs = file.Authors ?? [];
        if (authorSlugs.Count == 0)
        {
            throw new ImportException("'authors' must list at least one author slug.");
        }

        var authors = await db.Authors.Where(a => authorSlugs.Contains(a.Slug)).ToListAsync(cancellationToken);
        var missing = authorSlugs.Except(authors.Select(a => a.Slug)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportException($"Unknown author(s): {string.Join(", ", missing)}. Import them first with 'masthead author import'.");
        }

        var (status, publishedAt) = ReadStatus(file, now, site.Publication.TimeZone);

        var article = await FindAsync(slug, file.RenamedFrom?.Trim(), cancellationToken);
        var created = article is null;
        if (article is null)
        {
            article = new Article { Slug = slug, Title = title, CreatedAt = now };
            db.Articles.Add(article);
        }
        else if (article.Slug != slug)
        {
            await RenameAsync(article, slug, cancellationToken);
        }

        article.Title = title;
        article.Standfirst = file.Standfirst?.Trim() ?? "";
        article.BodyMarkdown = body;
        article.Status = status;
        article.PublishedAt = publishedAt ?? article.PublishedAt ?? (status == ArticleStatus.Published ? now : null);
        article.UpdatedAt = now;
        article.CommentsEnabled = file.Comments ?? true;
        article.Section = string.IsNullOrWhiteSpace(file.Section) ? null : await SectionAsync(file.Section.Trim(), cancellationToken);
        article.Tags = await TagsAsync(file.Tags ?? [], cancellationToken);
        SetAuthors(article, authorSlugs.Distinct().Select(s => authors.Single(a => a.Slug == s)).ToList());

        await db.SaveChangesAsync(cancellationToken);
        pageCache.Invalidate();
        return new ImportResult(slug, created);
    }

    /// <summary>Keeps existing byline rows (same key) and only adds, removes and reorders.</summary>
    private static void SetAuthors(Article article, List<Author> byline)
    {
        article.Authors.RemoveAll(x => !byline.Any(a => a.Id == x.AuthorId && a.Id != 0));
        for (var i = 0; i < byline.Count; i++)
        {
            var row = article.Authors.FirstOrDefault(x => x.AuthorId == byline[i].Id && byline[i].Id != 0);
            if (row is null)
            {
                article.Authors.Add(new ArticleAuthor { Author = byline[i], Position = i });
            }
            else
            {
                row.Position = i;
            }
        }
    }

    private static (ArticleStatus Status, DateTime? PublishedAt) ReadStatus(ArticleFile file, DateTime now, TimeZoneInfo zone)
    {
        DateTime? date = null;
        if (!string.IsNullOrWhiteSpace(file.Date))
        {
            if (!DateTime.TryParse(file.Date, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
            {
                throw new ImportException($"'date' is not a date: '{file.Date}'. Use ISO 8601, e.g. 2024-10-23T15:38:00Z.");
            }

            // A date without an offset is the newsroom's own local time, not UTC.
            date = parsed.Kind switch
            {
                DateTimeKind.Utc => parsed,
                DateTimeKind.Local => parsed.ToUniversalTime(),
                _ when zone.IsInvalidTime(parsed) => throw new ImportException($"'date' {file.Date} does not exist in {zone.Id}: the clocks skip it."),
                _ => TimeZoneInfo.ConvertTimeToUtc(parsed, zone),
            };
        }

        var status = (file.Status?.Trim().ToLowerInvariant() ?? "draft") switch
        {
            "draft" => ArticleStatus.Draft,
            "scheduled" => ArticleStatus.Scheduled,
            "published" => ArticleStatus.Published,
            "withdrawn" => ArticleStatus.Withdrawn,
            var other => throw new ImportException($"'status' must be draft, scheduled, published or withdrawn, not '{other}'."),
        };

        if (status == ArticleStatus.Scheduled && date is null)
        {
            throw new ImportException("A scheduled article needs a 'date' to go live.");
        }

        // "Published" with a future date waits for that date, like a scheduled one.
        if (status == ArticleStatus.Published && date > now)
        {
            status = ArticleStatus.Scheduled;
        }

        return (status, date);
    }

    private async Task<Article?> FindAsync(string slug, string? renamedFrom, CancellationToken cancellationToken)
    {
        var article = await db.Articles.Include(a => a.Tags).Include(a => a.Authors).Include(a => a.FormerSlugs)
            .FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        if (article is null && !string.IsNullOrEmpty(renamedFrom))
        {
            article = await db.Articles.Include(a => a.Tags).Include(a => a.Authors).Include(a => a.FormerSlugs)
                .FirstOrDefaultAsync(a => a.Slug == renamedFrom, cancellationToken);
        }

        return article;
    }

    /// <summary>A published article's old address keeps answering, with a permanent redirect.</summary>
    private async Task RenameAsync(Article article, string newSlug, CancellationToken cancellationToken)
    {
        var taken = await db.Articles.AnyAsync(a => a.Slug == newSlug && a.Id != article.Id, cancellationToken) ||
                    await db.ArticleSlugs.AnyAsync(s => s.Slug == newSlug && s.ArticleId != article.Id, cancellationToken);
        if (taken)
        {
            throw new ImportException($"The slug '{newSlug}' belongs to another article.");
        }

        if (article.PublishedAt is not null)
        {
            article.FormerSlugs.Add(new ArticleSlug { Slug = article.Slug });
        }

        article.FormerSlugs.RemoveAll(s => s.Slug == newSlug);
        article.Slug = newSlug;
    }

    private async Task<Section> SectionAsync(string name, CancellationToken cancellationToken)
    {
        var slug = Slugs.From(name);
        if (slug.Length == 0 || name.Length > 100)
        {
            throw new ImportException($"'{name}' cannot be a section: it needs a letter or digit and at most 100 characters.");
        }

        return await db.Sections.FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken)
               ?? db.Sections.Add(new Section { Slug = slug, Name = name }).Entity;
    }

    private async Task<List<Tag>> TagsAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0)
            .DistinctBy(Slugs.From).ToDictionary(Slugs.From, n => n);
        if (wanted.Keys.Any(k => k.Length == 0) || wanted.Values.Any(v => v.Length > 100))
        {
            throw new ImportException("Every tag needs at least one letter or digit and at most 100 characters.");
        }

        var slugs = wanted.Keys.ToList();
        var existing = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToListAsync(cancellationToken);
        return slugs.Select(s => existing.FirstOrDefault(t => t.Slug == s) ?? db.Tags.Add(new Tag { Slug = s, Name = wanted[s] }).Entity).ToList();
    }
}
