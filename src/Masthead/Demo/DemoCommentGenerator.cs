using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Discussion;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Demo;

/// <summary>
/// Fills an article with many approved comments for load tests and long-thread benchmarks. The
/// text is assembled from a small phrase bank, deterministically, so runs are comparable.
/// </summary>
public sealed class DemoCommentGenerator(MastheadDbContext db, CommentMarkdown markdown, Site.IPageCache pageCache, TimeProvider clock)
{
    private static readonly string[] Names =
        ["Halvard", "M. Okafor", "seaside_analyst", "Teodora P.", "Kenji W.", "Ruth in Leeds", "Bogdan", "Amira S.", "old_hand_at_sea", "Priya N."];

    private static readonly string[] Openings =
        ["I think the piece underplays", "Worth remembering", "Having worked in freight for years,", "Respectfully, I disagree about", "The real question is", "Good reporting on", "Nobody here has mentioned"];

    private static readonly string[] Middles =
        ["the cost of insurance for smaller carriers", "how quickly the corridor reopened last time", "the role of the coastal states", "what the sanctions actually cover", "the difference between escorts and deterrence", "the price of wheat in importing countries"];

    private static readonly string[] Endings =
        [".", ", and that matters more than the headlines suggest.", ". See the previous round of talks.", "; the numbers in the article bear this out.", ", though I am happy to be corrected."];

    public async Task<int> AddAsync(string articleSlug, int count, CancellationToken cancellationToken)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Slug == articleSlug, cancellationToken)
                      ?? throw new Newsroom.ContentException($"No article with slug '{articleSlug}'.");
        var random = new Random(count);
        var start = (article.PublishedAt ?? clock.GetUtcNow().UtcDateTime).AddMinutes(1);
        var span = Math.Max(1, (clock.GetUtcNow().UtcDateTime - start).TotalMinutes);
        var added = new List<Comment>(count);

        for (var i = 0; i < count; i++)
        {
            var name = Names[random.Next(Names.Length)];
            var body = $"{Openings[random.Next(Openings.Length)]} {Middles[random.Next(Middles.Length)]}{Endings[random.Next(Endings.Length)]}";
            var comment = new Comment
            {
                ArticleId = article.Id,
                Parent = i % 4 == 3 && added.Count > 0 ? added[random.Next(added.Count)] : null,
                AuthorName = name,
                AuthorEmail = $"reader{random.Next(1000)}@example.com",
                BodyMarkdown = body,
                BodyHtml = markdown.ToHtml(body),
                CreatedAt = start.AddMinutes(span * i / count),
                Status = CommentStatus.Approved,
                ModerationReason = "Generated for a load test.",
            };
            added.Add(comment);
            db.Comments.Add(comment);
        }

        await db.SaveChangesAsync(cancellationToken);
        pageCache.Invalidate();
        return count;
    }
}
