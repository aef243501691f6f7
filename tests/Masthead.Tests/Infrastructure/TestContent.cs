using System.Globalization;
using Masthead.Data.Entities;
using Masthead.Newsroom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.Tests.Infrastructure;

/// <summary>Creates authors and articles through the same importer the command line uses, each with a unique slug.</summary>
public static class TestContent
{
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static Task<ImportResult> AuthorAsync(this MastheadServer server, string slug, string name = "Test Author", string bio = "Writes tests.", string? x = "testauthor") =>
        server.InScopeAsync(sp => sp.GetRequiredService<AuthorImporter>().ImportAsync(
            $"slug: {slug}\nname: {name}\nbio: {bio}\n{(x is null ? "" : $"x: {x}\n")}", CancellationToken.None));

    private const string DefaultBody = """
        The first paragraph of the body.

        ## A sub-heading

        The second paragraph.
        """;

    public static async Task<string> ArticleAsync(
        this MastheadServer server,
        string? slug = null,
        string title = "A test article",
        string status = "published",
        DateTime? date = null,
        string[]? tags = null,
        string section = "World",
        string? renamedFrom = null,
        string? authorSlug = null,
        string? body = null)
    {
        slug ??= Unique("article");
        if (authorSlug is null)
        {
            authorSlug = Unique("author");
            await server.AuthorAsync(authorSlug);
        }

        var when = (date ?? DateTime.UtcNow.AddHours(-1)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var text = $"""
            ---
            title: "{title}"
            slug: {slug}
            standfirst: The standfirst of {title}.
            authors: [{authorSlug}]
            section: {section}
            tags: [{string.Join(", ", tags ?? ["Testing"])}]
            date: {when}
            status: {status}
            {(renamedFrom is null ? "" : "renamed_from: " + renamedFrom)}
            ---
            {body ?? DefaultBody}
            """;
        await server.InScopeAsync(sp => sp.GetRequiredService<ArticleImporter>().ImportAsync(text, CancellationToken.None));
        return slug;
    }

    /// <summary>Stores a comment awaiting moderation directly, as if the engine had held it.</summary>
    public static Task<long> HeldCommentAsync(this MastheadServer server, string articleSlug, string body, string? email = null, string name = "Someone", string? details = null, string? category = null) =>
        server.DbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Slug == articleSlug);
            var comment = new Comment
            {
                ArticleId = article.Id, AuthorName = name, AuthorEmail = email ?? $"{Guid.NewGuid():N}@example.com",
                BodyMarkdown = body, BodyHtml = $"<p>{System.Net.WebUtility.HtmlEncode(body)}</p>", CreatedAt = DateTime.UtcNow,
                Status = CommentStatus.Pending, ModerationDetails = details, ModerationCategory = category,
            };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        });

    /// <summary>Stores an approved comment directly, as if a moderator had approved it.</summary>
    public static Task<long> ApprovedCommentAsync(this MastheadServer server, string articleSlug, string name, string email, string body, long? parentId = null, DateTime? at = null) =>
        server.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Masthead.Data.MastheadDbContext>();
            var article = db.Articles.Single(a => a.Slug == articleSlug);
            var comment = new Comment
            {
                ArticleId = article.Id,
                ParentId = parentId,
                AuthorName = name,
                AuthorEmail = email,
                BodyMarkdown = body,
                BodyHtml = sp.GetRequiredService<Masthead.Discussion.CommentMarkdown>().ToHtml(body),
                CreatedAt = at ?? DateTime.UtcNow,
                Status = CommentStatus.Approved,
            };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            sp.GetRequiredService<Masthead.Site.IPageCache>().Invalidate();
            return comment.Id;
        });
}
