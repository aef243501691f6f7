using Masthead.Newsroom.Editor;
using Microsoft.Extensions.Options;

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

/// <summary>Creates or updates an article from Markdown with YAML front matter, matched by slug (or its former slug).</summary>
public sealed class ArticleImporter(ArticleWriter writer, Site.SiteContext site, IOptionsMonitor<Discussion.DiscussionOptions> discussion)
{
    public async Task<ImportResult> ImportAsync(string text, CancellationToken cancellationToken)
    {
        var (yaml, body) = FrontMatter.Split(text);
        var file = FrontMatter.Read<ArticleFile>(yaml);
        var draft = new ArticleDraft(file.Title, file.Slug, file.Standfirst, body, file.Authors ?? [], file.Section, file.Tags ?? [],
            file.Status, file.Date, file.Comments ?? discussion.CurrentValue.CommentsOnByDefault);

        var slug = string.IsNullOrWhiteSpace(file.Slug) ? Articles.Slugs.From(file.Title ?? "") : file.Slug.Trim();
        var article = await writer.FindBySlugAsync(slug, cancellationToken);
        if (article is null && !string.IsNullOrWhiteSpace(file.RenamedFrom))
        {
            article = await writer.FindBySlugAsync(file.RenamedFrom.Trim(), cancellationToken);
        }

        var created = article is null;

        // Without a configured address the articles' URLs are unknown: linked sites are not told.
        var siteUrl = site.Publication.BaseUrl is { Length: > 0 } baseUrl ? baseUrl : null;
        var saved = await writer.SaveAsync(article, draft, expectedVersion: null, savedBy: "import", siteUrl, cancellationToken);
        return new ImportResult(saved.Slug, created);
    }
}
