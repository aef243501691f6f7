using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Newsroom.Editor;

/// <summary>Every saved version of an article, newest first; restoring one saves it again as the newest.</summary>
public sealed class RevisionsModel(MastheadDbContext db, ArticleWriter writer, EditorAccess access, Site.SiteContext site) : PageModel
{
    public Article Article { get; private set; } = null!;
    public IReadOnlyList<ArticleRevision> Items { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, long revision, int version, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var old = Items.FirstOrDefault(r => r.Id == revision);
        if (old is null)
        {
            return NotFound();
        }

        var form = ArticleForm.From(Article, site.Publication);
        form.Title = old.Title;
        form.Slug = old.Slug;
        form.Standfirst = old.Standfirst;
        form.Body = old.BodyMarkdown;
        try
        {
            await writer.SaveAsync(Article, form.ToDraft(), version, User.Identity?.Name ?? "unknown", Request.BaseUrl(site.Publication), cancellationToken);
        }
        catch (Exception e) when (e is ContentException or ArticleConflictException)
        {
            Error = e.Message;
            Response.StatusCode = e is ArticleConflictException ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }

        return this.SeeOther($"/newsroom/articles/{id}?saved=true");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var article = await writer.FindAsync(id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        if (!await access.CanEditAsync(User, article, cancellationToken))
        {
            return Forbid();
        }

        Article = article;
        Items = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Version).ToListAsync(cancellationToken);
        return null;
    }
}
