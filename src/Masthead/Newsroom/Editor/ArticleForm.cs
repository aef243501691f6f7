using System.Globalization;
using Masthead.Data.Entities;

namespace Masthead.Newsroom.Editor;

/// <summary>
/// What the article editor's form may carry. Lists (authors, tags) are comma-separated; the date
/// is the publication's local time as a browser's datetime-local field sends it.
/// </summary>
public sealed class ArticleForm
{
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Standfirst { get; set; } = "";
    public string Body { get; set; } = "";
    public string Authors { get; set; } = "";
    public string Section { get; set; } = "";
    public string Tags { get; set; } = "";
    public string Status { get; set; } = "draft";
    public string Date { get; set; } = "";
    public bool Comments { get; set; } = true;

    /// <summary>The version the editor started from; 0 for a new article.</summary>
    public int Version { get; set; }

    public ArticleDraft ToDraft() => new(Title, Slug, Standfirst, Body, Split(Authors), Section, Split(Tags), Status, Date, Comments);

    public static ArticleForm From(Article article, Site.PublicationView site) => new()
    {
        Title = article.Title,
        Slug = article.Slug,
        Standfirst = article.Standfirst,
        Body = article.BodyMarkdown,
        Authors = string.Join(", ", article.Authors.OrderBy(a => a.Position).Select(a => a.Author.Slug)),
        Section = article.Section?.Name ?? "",
        Tags = string.Join(", ", article.Tags.Select(t => t.Name)),
        Status = article.Status.ToString().ToLowerInvariant(),
        Date = article.PublishedAt is { } at ? site.ToLocal(at).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : "",
        Comments = article.CommentsEnabled,
        Version = article.Version,
    };

    private static string[] Split(string list) =>
        list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
