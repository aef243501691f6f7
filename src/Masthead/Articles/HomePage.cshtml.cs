using Masthead.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Articles;

[CachedPage]
public sealed class HomePageModel(ArticleQueries articles, SiteContext site) : PageModel
{
    public ArticlePage Listing { get; private set; } = null!;
    public PublicationView Site => site.Publication;
    public string CanonicalUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        if (pageNumber < 1)
        {
            return NotFound();
        }

        Listing = await articles.LatestAsync(pageNumber, cancellationToken);
        if (pageNumber > 1 && Listing.Items.Count == 0)
        {
            return NotFound();
        }

        CanonicalUrl = Request.Absolute(Site, SiteUrls.Home(pageNumber));
        return Page();
    }
}
