using System.Globalization;
using Masthead.Articles;
using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Linkbacks.Sending;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Newsroom.Editor;

/// <summary>An article as an editor or a file describes it, before it is checked.</summary>
/// <param name="Slug">Empty to derive it from the title.</param>
/// <param name="Date">ISO 8601; without an offset it is the publication's local time.</param>
public sealed record ArticleDraft(
    string? Title,
    string? Slug,
    string? Standfirst,
    string? Body,
    IReadOnlyList<string> AuthorSlugs,
    string? Section,
    IReadOnlyList<string> Tags,
    string? Status,
    string? Date,
    bool Comments = true);

/// <summary>Someone else saved the article after the editor opened it.</summary>
public sealed class ArticleConflictException(int currentVersion, string savedBy, DateTime savedAt)
    : Exception($"Someone else saved this article while you were editing it (version {currentVersion}, by {savedBy}).")
{
    public int CurrentVersion { get; } = currentVersion;
    public string SavedBy { get; } = savedBy;
    public DateTime SavedAt { get; } = savedAt;
}

/// <summary>
/// The one way an article is saved, from a file or from the editor: checks every field, renames
/// with a permanent redirect from a published slug, keeps a revision of each save, and refuses a
/// save based on an older version than the stored one.
/// </summary>
public sealed class ArticleWriter(MastheadDbContext db, Site.IPageCache pageCache, Site.SiteContext site, LinkbackOutbox linkbacks, SendingSignal sending, TimeProvider clock)
{
    public const int MaxBodyLength = 200_000;

    /// <summary>Loads an article with everything a save touches.</summary>
    public Task<Article?> FindAsync(int id, CancellationToken cancellationToken) =>
        WithEverything().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    public Task<Article?> FindBySlugAsync(string slug, CancellationToken cancellationToken) =>
        WithEverything().FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);

    private IQueryable<Article> WithEverything() =>
        db.Articles.Include(a => a.Tags).Include(a => a.Authors).ThenInclude(x => x.Author).Include(a => a.FormerSlugs).Include(a => a.Section);

    /// <summary>Creates (<paramref name="article"/> null) or updates an article; nothing is stored unless every field is valid.</summary>
    /// <param name="expectedVersion">The version the editor started from; null to overwrite whatever is stored (imports).</param>
    /// <param name="siteUrl">Where readers reach the site, for telling linked sites about the article; null sends nothing.</param>
    /// <exception cref="ContentException">A field is invalid; the message names it.</exception>
    /// <exception cref="ArticleConflictException">The stored article is newer than <paramref name="expectedVersion"/>.</exception>
    public async Task<Article> SaveAsync(Article? article, ArticleDraft draft, int? expectedVersion, string savedBy, string? siteUrl, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var title = draft.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 300)
        {
            throw new ContentException("'title' is required and can be at most 300 characters.");
        }

        if (LooksLikeHtml(title))
        {
            throw new ContentException("The title is plain text: remove the HTML tags from it.");
        }

        var slug = string.IsNullOrWhiteSpace(draft.Slug) ? Slugs.From(title) : draft.Slug.Trim();
        if (!Slugs.IsValid(slug))
        {
            throw new ContentException($"'{slug}' is not a valid slug: use lower-case letters, digits and single hyphens.");
        }

        if (draft.Standfirst is { Length: > 1000 })
        {
            throw new ContentException("'standfirst' can be at most 1,000 characters.");
        }

        if (string.IsNullOrWhiteSpace(draft.Body) || draft.Body.Length > MaxBodyLength)
        {
            throw new ContentException($"The article needs a body of at most {MaxBodyLength:N0} characters.");
        }

        var authorSlugs = draft.AuthorSlugs.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList();
        if (authorSlugs.Count == 0)
        {
            throw new ContentException("'authors' must list at least one author.");
        }

        var authors = await db.Authors.Where(a => authorSlugs.Contains(a.Slug)).ToListAsync(cancellationToken);
        var missing = authorSlugs.Except(authors.Select(a => a.Slug)).ToList();
        if (missing.Count > 0)
        {
            throw new ContentException($"Unknown author(s): {string.Join(", ", missing)}.");
        }

        var (status, publishedAt) = ReadStatus(draft, now, site.Publication.TimeZone);
        if (article is not null && expectedVersion is { } expected && expected != article.Version)
        {
            throw await ConflictAsync(article, cancellationToken);
        }

        if (article is null)
        {
            if (await SlugTakenAsync(slug, null, cancellationToken))
            {
                throw new ContentException($"The slug '{slug}' belongs to another article.");
            }

            article = new Article { Slug = slug, Title = title, CreatedAt = now };
            db.Articles.Add(article);
        }
        else if (article.Slug != slug)
        {
            await RenameAsync(article, slug, cancellationToken);
        }

        article.Title = title;
        article.Standfirst = draft.Standfirst?.Trim() ?? "";
        article.BodyMarkdown = draft.Body;
        article.Status = status;
        article.PublishedAt = publishedAt ?? article.PublishedAt ?? (status == ArticleStatus.Published ? now : null);
        article.UpdatedAt = now;
        article.CommentsEnabled = draft.Comments;
        article.Section = string.IsNullOrWhiteSpace(draft.Section) ? null : await SectionAsync(draft.Section.Trim(), cancellationToken);
        article.Tags = await TagsAsync(draft.Tags, cancellationToken);
        SetAuthors(article, authorSlugs.Select(s => authors.Single(a => a.Slug == s)).ToList());
        article.Version++;
        db.ArticleRevisions.Add(new ArticleRevision
        {
            Article = article,
            Version = article.Version,
            Title = article.Title,
            Slug = article.Slug,
            Standfirst = article.Standfirst,
            BodyMarkdown = article.BodyMarkdown,
            SavedAt = now,
            SavedBy = savedBy,
        });
        await linkbacks.PlanAsync(article, siteUrl, now, cancellationToken);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save landed between this one's read and its write.
            db.ChangeTracker.Clear();
            var stored = await db.Articles.AsNoTracking().FirstAsync(a => a.Id == article.Id, cancellationToken);
            throw await ConflictAsync(stored, cancellationToken);
        }

        pageCache.Invalidate();
        sending.Wake();
        return article;
    }

    /// <summary>A tag-like run ("&lt;b&gt;", "&lt;/i&gt;", "&lt;script"): a title is shown as text everywhere, feeds included, so markup in it is a mistake.</summary>
    private static bool LooksLikeHtml(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, "</?[a-zA-Z!]", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(50));

    private async Task<ArticleConflictException> ConflictAsync(Article stored, CancellationToken cancellationToken)
    {
        var latest = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == stored.Id).OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);
        return new ArticleConflictException(stored.Version, latest?.SavedBy ?? "someone", latest?.SavedAt ?? stored.UpdatedAt);
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

    private static (ArticleStatus Status, DateTime? PublishedAt) ReadStatus(ArticleDraft draft, DateTime now, TimeZoneInfo zone)
    {
        DateTime? date = null;
        if (!string.IsNullOrWhiteSpace(draft.Date))
        {
            if (!DateTime.TryParse(draft.Date, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
            {
                throw new ContentException($"'date' is not a date: '{draft.Date}'. Use ISO 8601, e.g. 2024-10-23T15:38:00Z.");
            }

            // A date without an offset is the newsroom's own local time, not UTC.
            date = parsed.Kind switch
            {
                DateTimeKind.Utc => parsed,
                DateTimeKind.Local => parsed.ToUniversalTime(),
                _ when zone.IsInvalidTime(parsed) => throw new ContentException($"'date' {draft.Date} does not exist in {zone.Id}: the clocks skip it."),
                _ => TimeZoneInfo.ConvertTimeToUtc(parsed, zone),
            };
        }

        var status = (draft.Status?.Trim().ToLowerInvariant() ?? "draft") switch
        {
            "draft" or "" => ArticleStatus.Draft,
            "scheduled" => ArticleStatus.Scheduled,
            "published" => ArticleStatus.Published,
            "withdrawn" => ArticleStatus.Withdrawn,
            var other => throw new ContentException($"'status' must be draft, scheduled, published or withdrawn, not '{other}'."),
        };

        if (status == ArticleStatus.Scheduled && date is null)
        {
            throw new ContentException("A scheduled article needs a 'date' to go live.");
        }

        // "Published" with a future date waits for that date, like a scheduled one.
        if (status == ArticleStatus.Published && date > now)
        {
            status = ArticleStatus.Scheduled;
        }

        return (status, date);
    }

    private async Task<bool> SlugTakenAsync(string slug, int? articleId, CancellationToken cancellationToken) =>
        await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != articleId, cancellationToken) ||
        await db.ArticleSlugs.AnyAsync(s => s.Slug == slug && s.ArticleId != articleId, cancellationToken);

    /// <summary>A published article's old address keeps answering, with a permanent redirect.</summary>
    private async Task RenameAsync(Article article, string newSlug, CancellationToken cancellationToken)
    {
        if (await SlugTakenAsync(newSlug, article.Id, cancellationToken))
        {
            throw new ContentException($"The slug '{newSlug}' belongs to another article.");
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
            throw new ContentException($"'{name}' cannot be a section: it needs a letter or digit and at most 100 characters.");
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
            throw new ContentException("Every tag needs at least one letter or digit and at most 100 characters.");
        }

        var slugs = wanted.Keys.ToList();
        var existing = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToListAsync(cancellationToken);
        return slugs.Select(s => existing.FirstOrDefault(t => t.Slug == s) ?? db.Tags.Add(new Tag { Slug = s, Name = wanted[s] }).Entity).ToList();
    }
}
