using System.Globalization;
using Masthead.Articles;
using Masthead.Site;

namespace Masthead.Discussion.Live;

/// <summary>
/// <c>GET /articles/{slug}/live</c>: Server-Sent Events announcing comments as they become visible,
/// for the page's script to offer "N new comments" rather than moving the page under the reader.
/// A comment line every 25 seconds keeps proxies from closing a quiet stream.
/// </summary>
public static class LiveEndpoint
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(25);

    public static WebApplication MapLiveComments(this WebApplication app)
    {
        app.MapGet("/articles/{slug}/live", StreamAsync);
        return app;
    }

    private static async Task StreamAsync(string slug, HttpContext context, ArticleQueries articles, ICommentFanOut fanOut, TimeProvider clock, IHostApplicationLifetime lifetime)
    {
        // Ends when the reader leaves or the server stops, so open streams never hold up a shutdown.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = ending.Token;
        if (await articles.FindBySlugAsync(slug, cancellationToken) is not ArticleLookup.Found found)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stream = fanOut.Subscribe(found.Article.Id, stop.Token);
        if (stream is null)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "60";
            return;
        }

        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        await context.Response.WriteAsync(": connected\nretry: 10000\n\n", cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);

        await using var events = stream.GetAsyncEnumerator(stop.Token);
        var next = events.MoveNextAsync().AsTask();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var beat = Task.Delay(Heartbeat, clock, cancellationToken);
                if (await Task.WhenAny(next, beat) == next)
                {
                    if (!await next)
                    {
                        break;
                    }

                    var comment = events.Current;
                    await context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                        $"event: comment\nid: {comment.CommentId}\ndata: {{\"id\":{comment.CommentId}}}\n\n"), cancellationToken);
                    next = events.MoveNextAsync().AsTask();
                }
                else
                {
                    await context.Response.WriteAsync(": still here\n\n", cancellationToken);
                }

                await context.Response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The reader left.
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await next;
            }
            catch (OperationCanceledException)
            {
                // Ended with the stream.
            }
        }
    }
}
