using Masthead.Articles;
using Masthead.Data;
using Masthead.Newsroom.Authors;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Newsroom;

/// <summary>The fields of an author file (<c>masthead author import FILE.yml</c>).</summary>
public sealed class AuthorFile
{
    public string? Slug { get; set; }
    public string? Name { get; set; }
    public string? Bio { get; set; }
    public string? Avatar { get; set; }
    public string? X { get; set; }
    public string? Website { get; set; }
    public string? Mastodon { get; set; }
}

public sealed record ImportResult(string Slug, bool Created);

/// <summary>Creates or updates an author from YAML, matched by slug.</summary>
public sealed class AuthorImporter(MastheadDbContext db, AuthorWriter writer)
{
    public async Task<ImportResult> ImportAsync(string yaml, CancellationToken cancellationToken)
    {
        var file = FrontMatter.Read<AuthorFile>(yaml);
        var slug = string.IsNullOrWhiteSpace(file.Slug) ? Slugs.From(file.Name ?? "") : file.Slug.Trim();
        var author = await db.Authors.FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        var saved = await writer.SaveAsync(author, new AuthorDraft(slug, file.Name, file.Bio, file.Avatar, file.X, file.Website, file.Mastodon), cancellationToken);
        return new ImportResult(saved.Slug, author is null);
    }
}
