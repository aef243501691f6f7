using Masthead.Data.Entities;
using Masthead.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Articles;

[CachedPage]
public sealed class AuthorPageModel(ArticleQueries articles, SiteContext site) : PageModel
{
    public Author Author { get; private set; } = null!;
    public ArticlePage Listing { get; private set; } = null!;
    public PublicationView Site => site.Publication;
    public string CanonicalUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        if (pageNumber < 1 || await articles.FindAuthorAsync(slug, cancellationToken) is not { } author)
        {
            return NotFound();
        }

        Author = author;
        Listing = await articles.ByAuthorAsync(author.Id, pageNumber, cancellationToken);
        if (pageNumber > 1 && Listing.Items.Count == 0)
        {
            return NotFound();
        }

        CanonicalUrl = Request.Absolute(Site, new ArticleListModel(Listing, SiteUrls.Author(slug)).PageUrl(pageNumber));
        return Page();
    }
}
