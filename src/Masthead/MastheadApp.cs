using Masthead.Articles;
using Masthead.Demo;
using Masthead.Discussion;
using Masthead.Feeds;
using Masthead.Linkbacks;
using Masthead.Mail;
using Masthead.Moderation;
using Masthead.Newsroom;
using Masthead.Site;
using Masthead.Storage;

namespace Masthead;

/// <summary>Every feature's services and endpoints, registered in one place for the site and the command line alike.</summary>
public static class MastheadApp
{
    public static IHostApplicationBuilder AddFeatures(this IHostApplicationBuilder builder) => builder
        .AddSite()
        .AddStorage()
        .AddArticles()
        .AddDiscussion()
        .AddModeration()
        .AddFeeds()
        .AddLinkbacks()
        .AddMail()
        .AddNewsroom()
        .AddDemo();

    public static WebApplication MapFeatures(this WebApplication app)
    {
        app.UseWebmentionAdvertising();
        app.UseSite();
        app.UseNewsroom();
        app.UseDiscussionLimits();
        app.MapLinkbacks();
        app.MapDiscussion();
        app.MapFeeds();
        app.MapModeration();
        app.MapNewsroom();
        app.MapSite();
        return app;
    }
}
