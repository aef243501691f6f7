using System.Threading.RateLimiting;
using Masthead.Articles;
using Masthead.Data.Entities;
using Masthead.Site;
using Microsoft.Extensions.Options;

namespace Masthead.Linkbacks;

/// <summary>
/// Receives W3C Webmentions: <c>POST /webmention</c> with <c>source</c> and <c>target</c>. The request is
/// checked at once (400 with the reason) and the source verified in the background (202). Every
/// article advertises the endpoint with a <c>Link</c> header and a <c>&lt;link rel="webmention"&gt;</c>.
/// </summary>
public static class WebmentionEndpoint
{
    public const string Path = "/webmention";
    /// <summary>The limit on notifications (webmentions and pingbacks) per sender.</summary>
    public const string RateLimitPolicy = "linkbacks";

    public static IServiceCollection AddWebmentionRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;

            // Per sender: a burst of notifications from one address is refused, not queued.
            o.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

    /// <summary>Advertises the endpoint on every article page; registered before the page cache so cached pages carry it too.</summary>
    public static WebApplication UseWebmentionAdvertising(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/articles", StringComparison.OrdinalIgnoreCase))
            {
                var options = context.RequestServices.GetRequiredService<IOptionsMonitor<LinkbackOptions>>().CurrentValue;
                if (options.ReceiveWebmentions)
                {
                    context.Response.Headers.Append("Link", $"<{Path}>; rel=\"webmention\"");
                }

                if (options.ReceivePingbacks)
                {
                    context.Response.Headers["X-Pingback"] = context.Request.BaseUrl(context.RequestServices.GetRequiredService<SiteContext>().Publication) + PingbackEndpoint.Path;
                }
            }

            return next(context);
        });
        return app;
    }

    public static WebApplication MapWebmention(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapPost(Path, ReceiveAsync).DisableAntiforgery().RequireRateLimiting(RateLimitPolicy);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, ArticleQueries articles, SiteContext site, VerificationQueue queue,
        SourceHostLimiter sourceHosts, IOptionsMonitor<LinkbackOptions> options, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.ReceiveWebmentions)
        {
            return Results.Text("This site does not take webmentions.\n", "text/plain", statusCode: StatusCodes.Status404NotFound);
        }

        if (!context.Request.HasFormContentType)
        {
            return Refuse("Send source and target as an application/x-www-form-urlencoded form.");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var source = LinkTargets.AbsoluteHttp(form["source"]);
        var target = LinkTargets.AbsoluteHttp(form["target"]);
        if (source is null || target is null)
        {
            return Refuse("source and target must both be absolute http or https URLs.");
        }

        if (SourcePage.SameResource(source, target))
        {
            return Refuse("source and target are the same page.");
        }

        if (!LinkTargets.IsArticleOnThisSite(target, context.Request, site.Publication))
        {
            return Refuse("target is not an article on this site.");
        }

        if (await LinkTargets.FindArticleAsync(target, articles, cancellationToken) is not { } article)
        {
            return Refuse("target is not a published article on this site.");
        }

        if (!sourceHosts.TryAcquire(source))
        {
            return Results.Text($"Too many webmentions about pages on {source.Host}; try again later.\n", "text/plain", statusCode: StatusCodes.Status429TooManyRequests);
        }

        if (!queue.TryEnqueue(new VerificationRequest(LinkbackKind.Webmention, source, target, article.Id)))
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, detail: "Too many webmentions are waiting to be checked; try again later.");
        }

        return Results.Text("Accepted: the source will be checked shortly.\n", "text/plain", statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult Refuse(string message) => Results.Text(message + "\n", "text/plain", statusCode: StatusCodes.Status400BadRequest);
}
