using Masthead.Discussion.Live;
using Masthead.Discussion.Votes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Masthead.Discussion;

public static class DiscussionSetup
{
    public static IHostApplicationBuilder AddDiscussion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DiscussionOptions>().Bind(builder.Configuration.GetSection(DiscussionOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<CommentMarkdown>();
        builder.Services.AddSingleton<PendingCommentsCookie>();
        builder.Services.AddScoped<DiscussionQueries>();
        builder.Services.AddSingleton<DiscussionShapes>();
        builder.Services.AddScoped<CommentPoster>();
        builder.Services.AddScoped<Reports.CommentReporter>();
        builder.Services.AddSingleton<Editing.OwnCommentsCookie>();
        builder.Services.AddScoped<Editing.CommentEditor>();
        builder.Services.AddSingleton<ReaderLimits>();
        builder.Services.AddSingleton<Live.ICommentFanOut, Live.InMemoryCommentFanOut>();
        builder.Services.AddScoped<Votes.CommentVoting>();
        return builder;
    }

    /// <summary>The discussion's own endpoints; its pages are the article's.</summary>
    public static WebApplication MapDiscussion(this WebApplication app) => app.MapVotes().MapCommentCounts().MapLiveComments();

    /// <summary>
    /// Caps the size of posts to article pages before anything reads them: a declared length over
    /// the cap is refused at once, an undeclared one is cut off by the server when it passes it.
    /// </summary>
    public static WebApplication UseDiscussionLimits(this WebApplication app)
    {
        app.UseWhen(
            context => !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) &&
                       context.Request.Path.StartsWithSegments("/articles", StringComparison.OrdinalIgnoreCase),
            branch => branch.Use(async (context, next) =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                    context.Response.Headers.Allow = "GET, HEAD, POST";
                    return;
                }

                var max = context.RequestServices.GetRequiredService<IOptionsMonitor<DiscussionOptions>>().CurrentValue.MaxRequestBytes;
                if (context.Request.ContentLength > max)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }

                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = max;
                }

                try
                {
                    await next(context);
                }
                catch (BadHttpRequestException e) when (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = e.StatusCode;
                }
            }));
        return app;
    }
}
