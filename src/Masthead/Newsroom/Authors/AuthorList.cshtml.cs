using Masthead.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Newsroom.Authors;

public sealed record AuthorRow(int Id, string Name, string Slug, bool HasPhoto, int Articles);

/// <summary>Every author by name, with how many articles carry their byline.</summary>
public sealed class AuthorListModel(MastheadDbContext db) : PageModel
{
    public IReadOnlyList<AuthorRow> Authors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Authors = await db.Authors.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new AuthorRow(a.Id, a.Name, a.Slug, a.AvatarUrl != null, a.Articles.Count))
            .ToListAsync(cancellationToken);
}
