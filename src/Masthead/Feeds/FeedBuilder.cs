using System.ServiceModel.Syndication;
using Masthead.Articles;
using Masthead.Site;

namespace Masthead.Feeds;

/// <summary>Turns articles and comments into syndication feeds with absolute links.</summary>
public sealed class FeedBuilder(ArticleMarkdown markdown, SiteContext site, TimeProvider clock)
{
    public SyndicationFeed Articles(HttpRequest request, string title, string description, string pagePath, string feedPath, IReadOnlyList<FeedArticle> articles)
    {
        var publication = site.Publication;
        var feed = new SyndicationFeed(title, description, new Uri(request.Absolute(publication, pagePath)))
        {
            Id = request.Absolute(publication, feedPath),
            Language = publication.Culture.Name,
            LastUpdatedTime = articles.Count > 0 ? Offset(articles.Max(a => Max(a.UpdatedAt, a.PublishedAt))) : clock.GetUtcNow(),
            Generator = "Masthead",
        };
        feed.Links.Add(new SyndicationLink(new Uri(request.Absolute(publication, feedPath)), "self", title, null, 0));
        FeedWriter.DeclareExtensions(feed);

        feed.Items = articles.Select(a =>
        {
            var url = request.Absolute(publication, SiteUrls.Article(a.Slug));
            var html = markdown.ToHtml(a.BodyMarkdown);
            var item = new SyndicationItem(a.Title, a.Standfirst.Length > 0 ? a.Standfirst : Truncate(markdown.ToPlainText(a.BodyMarkdown), 300), new Uri(url), url, Offset(Max(a.UpdatedAt, a.PublishedAt)))
            {
                PublishDate = Offset(a.PublishedAt),
                Content = SyndicationContent.CreateHtmlContent(html),
            };
            foreach (var author in a.Authors)
            {
                item.Authors.Add(new SyndicationPerson { Name = author });
                item.ElementExtensions.Add("creator", FeedWriter.DcNamespace, author);
            }

            foreach (var tag in a.Tags)
            {
                item.Categories.Add(new SyndicationCategory(tag));
            }

            item.ElementExtensions.Add("encoded", FeedWriter.ContentNamespace, html);
            item.ElementExtensions.Add("commentRss", FeedWriter.WfwNamespace, request.Absolute(publication, SiteUrls.CommentsFeed(a.Slug)));
            item.ElementExtensions.Add("comments", FeedWriter.SlashNamespace, a.CommentCount);
            return item;
        }).ToList();
        return feed;
    }

    public SyndicationFeed Comments(HttpRequest request, string articleTitle, string articleSlug, IReadOnlyList<FeedComment> comments) =>
        CommentFeed(request, $"Comments on: {articleTitle}", $"Reader comments on “{articleTitle}” at {site.Publication.Name}",
            SiteUrls.Article(articleSlug), SiteUrls.CommentsFeed(articleSlug), comments, c => $"By: {c.AuthorName}");

    /// <summary>The latest comments across the site, each titled with its article.</summary>
    public SyndicationFeed RecentComments(HttpRequest request, IReadOnlyList<FeedComment> comments) =>
        CommentFeed(request, $"Comments at {site.Publication.Name}", $"The latest reader comments at {site.Publication.Name}",
            SiteUrls.Home(), SiteUrls.RecentCommentsFeed, comments, c => $"{c.AuthorName} on “{c.ArticleTitle}”");

    private SyndicationFeed CommentFeed(HttpRequest request, string title, string description, string pagePath, string feedPath,
        IReadOnlyList<FeedComment> comments, Func<FeedComment, string> itemTitle)
    {
        var publication = site.Publication;
        var feed = new SyndicationFeed(title, description, new Uri(request.Absolute(publication, pagePath)))
        {
            Id = request.Absolute(publication, feedPath),
            Language = publication.Culture.Name,
            LastUpdatedTime = comments.Count > 0 ? Offset(comments.Max(c => c.CreatedAt)) : clock.GetUtcNow(),
            Generator = "Masthead",
        };
        feed.Links.Add(new SyndicationLink(new Uri(request.Absolute(publication, feedPath)), "self", title, null, 0));
        FeedWriter.DeclareExtensions(feed);

        feed.Items = comments.Select(c =>
        {
            var url = request.Absolute(publication, SiteUrls.Comment(c.ArticleSlug, c.Id));
            var item = new SyndicationItem(itemTitle(c), SyndicationContent.CreateHtmlContent(c.BodyHtml), new Uri(url), url, Offset(c.EditedAt ?? c.CreatedAt))
            {
                PublishDate = Offset(c.CreatedAt),
            };
            item.Authors.Add(new SyndicationPerson { Name = c.AuthorName });
            item.ElementExtensions.Add("creator", FeedWriter.DcNamespace, c.AuthorName);
            return item;
        }).ToList();
        return feed;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length].TrimEnd() + "…";

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTimeOffset Offset(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
