using System.Reflection;
using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Discussion;
using Masthead.Moderation;
using Masthead.Newsroom;
using Masthead.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masthead.Demo;

/// <summary>
/// Gives a new installation something to look at: one article with its author, a reader
/// discussion with replies and held comments, and two pingbacks. Dates are set relative to the
/// first run so that the discussion is open and the timestamps look recent.
/// </summary>
public sealed class DemoSeeder(
    MastheadDbContext db,
    AuthorImporter authors,
    ArticleImporter articles,
    CommentMarkdown commentMarkdown,
    ICommentModerator moderator,
    SiteContext site,
    IOptions<DemoOptions> options,
    IOptions<PublicationOptions> publicationOptions,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || await db.Articles.AnyAsync(cancellationToken))
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await NamePublicationAsync(cancellationToken);
        await authors.ImportAsync(Read("author.yml"), cancellationToken);
        var imported = await articles.ImportAsync(Read("article.md"), cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var article = await db.Articles.SingleAsync(a => a.Slug == imported.Slug, cancellationToken);
        article.PublishedAt = now.AddDays(-3).AddMinutes(-17);
        article.UpdatedAt = article.PublishedAt.Value;
        article.CreatedAt = article.PublishedAt.Value.AddHours(-2);

        var discussion = FrontMatter.Read<DemoDiscussion>(Read("discussion.yml"));
        await AddCommentsAsync(article, discussion.Comments, now, cancellationToken);
        foreach (var p in discussion.Pingbacks)
        {
            db.Linkbacks.Add(new Linkback
            {
                ArticleId = article.Id,
                Kind = LinkbackKind.Pingback,
                SourceUrl = p.Source,
                Title = p.Title,
                SiteName = p.Site,
                Excerpt = p.Excerpt,
                Status = LinkbackStatus.Approved,
                ReceivedAt = Before(article.PublishedAt.Value.AddMinutes(p.Minutes), now),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Seeded the demo article /articles/{Slug} with {Comments} comments. Set Masthead:Demo:Enabled=false to start empty.",
            article.Slug, discussion.Comments.Count);
        if (!await db.Users.AnyAsync(cancellationToken))
        {
            // No account is made with a known password: the operator creates the first one.
            logger.LogWarning("No newsroom account yet. Create the first admin with `masthead user add you@example.com --role admin` " +
                "(with `dotnet run --project src/Masthead --` in front from a source checkout), then sign in at /newsroom/signin.");
        }
    }

    private async Task NamePublicationAsync(CancellationToken cancellationToken)
    {
        var publication = await db.Publications.OrderBy(p => p.Id).FirstAsync(cancellationToken);
        var configured = publicationOptions.Value;
        publication.Name = configured.Name ?? "The Foreign Desk";
        publication.Description = configured.Description ?? "Reporting and analysis on diplomacy, conflict and trade.";
        publication.TimeZone = configured.TimeZone ?? "Europe/London";
        await db.SaveChangesAsync(cancellationToken);
        site.Set(publication);
    }

    private async Task AddCommentsAsync(Article article, List<DemoComment> comments, DateTime now, CancellationToken cancellationToken)
    {
        var byKey = new Dictionary<string, Comment>();
        foreach (var c in comments)
        {
            var comment = new Comment
            {
                ArticleId = article.Id,
                Parent = c.Parent is { } parentKey ? byKey[parentKey] : null,
                AuthorName = c.Name,
                AuthorEmail = c.Email.ToLowerInvariant(),
                AuthorUrl = string.IsNullOrWhiteSpace(c.Website) ? null : c.Website,
                BodyMarkdown = c.Body,
                BodyHtml = commentMarkdown.ToHtml(c.Body),
                CreatedAt = Before(article.PublishedAt!.Value.AddMinutes(c.Minutes), now),
                Status = c.Status == "pending" ? CommentStatus.Pending : CommentStatus.Approved,
                ModerationReason = "Demo comment.",
            };
            if (comment.Status == CommentStatus.Pending)
            {
                // Held demo comments carry the engine's real explanation, so the queue shows what it would.
                var verdict = await moderator.ModerateAsync(
                    new CommentSubmission(article.Id, comment.AuthorName, comment.AuthorEmail, comment.AuthorUrl, comment.BodyMarkdown, null, null), cancellationToken);
                comment.ModerationReason = verdict.Reason.Length > 0 ? verdict.Reason : "Demo comment held for a moderator.";
                comment.ModerationDetails = verdict.Details;
                comment.ModerationCategory = verdict.Category;
            }

            byKey[c.Key] = comment;
            db.Comments.Add(comment);

            // Parents must have ids before their replies refer to them.
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static DateTime Before(DateTime wanted, DateTime now) => wanted < now ? wanted : now.AddMinutes(-1);

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Demo.{name}")
                           ?? throw new InvalidOperationException($"Demo content '{name}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

public sealed class DemoDiscussion
{
    public List<DemoComment> Comments { get; set; } = [];
    public List<DemoPingback> Pingbacks { get; set; } = [];
}

public sealed class DemoComment
{
    public string Key { get; set; } = "";
    public string? Parent { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Website { get; set; }
    public int Minutes { get; set; }
    public string Status { get; set; } = "approved";
    public string Body { get; set; } = "";
}

public sealed class DemoPingback
{
    public string Source { get; set; } = "";
    public string Title { get; set; } = "";
    public string Site { get; set; } = "";
    public string Excerpt { get; set; } = "";
    public int Minutes { get; set; }
}
