using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Moderation;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Moderation;

/// <summary>
/// Keeps the engine in step with the moderators: at start it replays every recorded decision
/// (the engine itself starts from the shipped examples), then learns each new one as it comes.
/// </summary>
public sealed class LearningWorker(LearningQueue queue, ModerationEngine engine, IServiceScopeFactory scopes, ILogger<LearningWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ReplayAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The site keeps working with what the engine already knows.
            logger.LogError(e, "Replaying moderation decisions failed.");
        }

        await foreach (var item in queue.Reader.ReadAllAsync(stoppingToken))
        {
            engine.Learn(item.Comment, item.Decision, item.Category);
            queue.MarkLearned();
        }
    }

    private async Task ReplayAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MastheadDbContext>();
        var decisions = db.ModerationDecisions.AsNoTracking()
            .OrderBy(d => d.Id)
            .Select(d => new { d.To, d.Category, d.Comment.BodyMarkdown, d.Comment.AuthorName, d.Comment.AuthorUrl })
            .AsAsyncEnumerable();
        var count = 0;
        await foreach (var d in decisions.WithCancellation(cancellationToken))
        {
            if (ModerationDecisions.ToAction(d.To) is { } action)
            {
                engine.Learn(new CommentInput(d.BodyMarkdown, d.AuthorName, AuthorUrl: d.AuthorUrl), action, ModerationDecisions.ParseCategory(d.Category));
                queue.MarkLearned();
                count++;
            }
        }

        if (count > 0)
        {
            logger.LogInformation("Replayed {Count} moderation decisions into the engine.", count);
        }
    }
}
