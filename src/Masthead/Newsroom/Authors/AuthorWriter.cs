using Masthead.Articles;
using Masthead.Data;
using Masthead.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Newsroom.Authors;

/// <summary>An author as a file or the newsroom form describes them, before it is checked.</summary>
public sealed record AuthorDraft(string? Slug, string? Name, string? Bio, string? Avatar, string? X, string? Website, string? Mastodon);

/// <summary>The one way an author is saved, from a file or the newsroom: every field checked, nothing half-saved.</summary>
public sealed class AuthorWriter(MastheadDbContext db, Site.IPageCache pageCache)
{
    public const int MaxBioLength = 2000;

    /// <exception cref="ContentException">A field is invalid; the message names it.</exception>
    public async Task<Author> SaveAsync(Author? author, AuthorDraft draft, CancellationToken cancellationToken)
    {
        var name = draft.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            throw new ContentException("'name' is required and can be at most 200 characters.");
        }

        var slug = string.IsNullOrWhiteSpace(draft.Slug) ? Slugs.From(name) : draft.Slug.Trim();
        if (!Slugs.IsValid(slug) || slug.Length > 100)
        {
            throw new ContentException($"'{slug}' is not a valid slug: use lower-case letters, digits and single hyphens.");
        }

        if (draft.Bio is { Length: > MaxBioLength })
        {
            throw new ContentException($"'bio' can be at most {MaxBioLength:N0} characters.");
        }

        var avatar = AvatarOrNull(draft.Avatar);
        var x = string.IsNullOrWhiteSpace(draft.X) ? null : CheckHandle(draft.X.Trim().TrimStart('@'));
        var website = HttpUrlOrNull(draft.Website, "website");
        var mastodon = HttpUrlOrNull(draft.Mastodon, "mastodon");
        if (await db.Authors.AnyAsync(a => a.Slug == slug && (author == null || a.Id != author.Id), cancellationToken))
        {
            throw new ContentException($"The slug '{slug}' belongs to another author.");
        }

        author ??= db.Authors.Add(new Author { Slug = slug, Name = name }).Entity;
        author.Slug = slug;
        author.Name = name;
        author.Bio = draft.Bio?.Trim() ?? "";
        author.AvatarUrl = avatar;
        author.XHandle = x;
        author.WebsiteUrl = website;
        author.MastodonUrl = mastodon;
        await db.SaveChangesAsync(cancellationToken);
        pageCache.Invalidate();
        return author;
    }

    private static string CheckHandle(string handle) =>
        handle.Length is > 0 and <= 15 && handle.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? handle
            : throw new ContentException($"'{handle}' is not a valid X handle (letters, digits and underscores, at most 15).");

    /// <summary>A photo is an http(s) address or one this site stored from an upload.</summary>
    private static string? AvatarOrNull(string? value) =>
        value?.Trim() is { } path && path.StartsWith(AvatarStore.UrlPrefix, StringComparison.Ordinal) && !path.Contains("..", StringComparison.Ordinal)
            ? path
            : HttpUrlOrNull(value, "avatar");

    private static string? HttpUrlOrNull(string? value, string field)
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
