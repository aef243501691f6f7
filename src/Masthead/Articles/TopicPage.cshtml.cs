using Masthead.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Articles;

/// <summary>A section's or a tag's page: the live articles filed under it.</summary>
[CachedPage]
public sealed class TopicPageModel(ArticleQueries articles, SiteContext site) : PageModel
{
    public string Name { get; private set; } = "";
    public string KindLabel { get; private set; } = "";
    public string BasePath { get; private set; } = "";
    public string FeedUrl { get; private set; } = "";
    public ArticlePage Listing { get; private set; } = null!;
    public PublicationView Site => site.Publication;
    public string CanonicalUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string kind, string slug, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        if (pageNumber < 1)
        {
            return NotFound();
        }

        if (kind == "sections" && await articles.FindSectionAsync(slug, cancellationToken) is { } section)
        {
            (Name, KindLabel, BasePath, FeedUrl) = (section.Name, "Section", SiteUrls.Section(slug), SiteUrls.SectionFeed(slug));
            Listing = await articles.BySectionAsync(section.Id, pageNumber, cancellationToken);
        }
        else if (kind == "tags" && await articles.FindTagAsync(slug, cancellationToken) is { } tag)
        {
            (Name, KindLabel, BasePath, FeedUrl) = (tag.Name, "Topic", SiteUrls.Tag(slug), SiteUrls.TagFeed(slug));
            Listing = await articles.ByTagAsync(tag.Id, pageNumber, cancellationToken);
        }
        else
        {
            return NotFound();
        }

        if (pageNumber > 1 && Listing.Items.Count == 0)
        {
            return NotFound();
        }

        CanonicalUrl = Request.Absolute(Site, new ArticleListModel(Listing, BasePath).PageUrl(pageNumber));
        return Page();
    }
}
