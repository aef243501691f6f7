using Masthead.Articles;
using Masthead.Data;
using Masthead.Data.Entities;
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
public sealed class AuthorImporter(MastheadDbContext db, Site.IPageCache pageCache)
{
    public async Task<ImportResult> ImportAsync(string yaml, CancellationToken cancellationToken)
    {
        var file = FrontMatter.Read<AuthorFile>(yaml);
        if (string.IsNullOrWhiteSpace(file.Name))
        {
            throw new ContentException("'name' is required.");
        }

        var slug = string.IsNullOrWhiteSpace(file.Slug) ? Slugs.From(file.Name) : file.Slug.Trim();
        if (file.Name.Length > 200)
        {
            throw new ContentException("'name' can be at most 200 characters.");
        }

        if (!Slugs.IsValid(slug) || slug.Length > 100)
        {
            throw new ContentException($"'{slug}' is not a valid slug: use lower-case letters, digits and single hyphens.");
        }

        var author = await db.Authors.FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        var created = author is null;
        author ??= db.Authors.Add(new Author { Slug = slug, Name = "" }).Entity;
        author.Name = file.Name.Trim();
        author.Bio = file.Bio?.Trim() ?? "";
        author.AvatarUrl = HttpUrlOrNull(file.Avatar, "avatar");
        author.XHandle = string.IsNullOrWhiteSpace(file.X) ? null : CheckHandle(file.X.Trim().TrimStart('@'));
        author.WebsiteUrl = HttpUrlOrNull(file.Website, "website");
        author.MastodonUrl = HttpUrlOrNull(file.Mastodon, "mastodon");
        await db.SaveChangesAsync(cancellationToken);
        pageCache.Invalidate();
        return new ImportResult(slug, created);
    }

    private static string CheckHandle(string handle) =>
        handle.Length is > 0 and <= 15 && handle.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? handle
            : throw new ContentException($"'{handle}' is not a valid X handle (letters, digits and underscores, at most 15).");

    internal static string? HttpUrlOrNull(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : throw new ContentException($"'{field}' must be an http or https address.");
    }
}
