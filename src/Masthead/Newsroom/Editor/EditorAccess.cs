using System.Security.Claims;
using Masthead.Data;
using Masthead.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Newsroom.Editor;

/// <summary>Which articles a member of staff may edit: admins and editors all, authors those carrying their byline.</summary>
public sealed class EditorAccess(MastheadDbContext db)
{
    public static bool EditsEverything(ClaimsPrincipal user) => user.IsInRole(StaffRoles.Admin) || user.IsInRole(StaffRoles.Editor);

    /// <summary>The byline an author-role user writes under; null for admins and editors, and for authors without one.</summary>
    public async Task<Author?> OwnBylineAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is null
            ? null
            : await db.Users.Where(u => u.Id == id).Select(u => u.Author).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<bool> CanEditAsync(ClaimsPrincipal user, Article article, CancellationToken cancellationToken)
    {
        if (EditsEverything(user))
        {
            return true;
        }

        var own = await OwnBylineAsync(user, cancellationToken);
        return own is not null && article.Authors.Any(a => a.AuthorId == own.Id);
    }

    /// <summary>The articles the user may list: all, or for an author those with their byline.</summary>
    public async Task<IQueryable<Article>> VisibleAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (EditsEverything(user))
        {
            return db.Articles;
        }

        var own = await OwnBylineAsync(user, cancellationToken);
        var ownId = own?.Id ?? -1;
        return db.Articles.Where(a => a.Authors.Any(x => x.AuthorId == ownId));
    }
}
