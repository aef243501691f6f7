using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Newsroom.Authors;

/// <summary>What the author form may carry; the photo comes as a separate upload.</summary>
public sealed class AuthorForm
{
    public string? Name { get; set; }
    public string? Slug { get; set; }
    public string? Bio { get; set; }
    public string? X { get; set; }
    public string? Website { get; set; }
    public string? Mastodon { get; set; }
    public string? AvatarUrl { get; set; }
    public bool RemovePhoto { get; set; }
}

/// <summary>Create and edit an author: name, slug, bio, social links and a photo upload that is re-encoded before it is kept.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = NewsroomSetup.MaxRequestBytes)]
public sealed class AuthorEditModel(MastheadDbContext db, AuthorWriter writer, AvatarStore avatars) : PageModel
{
    [BindProperty]
    public AuthorForm Form { get; set; } = new();

    public int? AuthorId { get; private set; }
    public string? Error { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        if (id is null)
        {
            return Page();
        }

        var author = await db.Authors.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (author is null)
        {
            return NotFound();
        }

        AuthorId = author.Id;
        Form = new AuthorForm
        {
            Name = author.Name, Slug = author.Slug, Bio = author.Bio, X = author.XHandle, Website = author.WebsiteUrl,
            Mastodon = author.MastodonUrl, AvatarUrl = author.AvatarUrl,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, IFormFile? photo, CancellationToken cancellationToken)
    {
        Author? author = null;
        if (id is not null)
        {
            author = await db.Authors.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (author is null)
            {
                return NotFound();
            }

            AuthorId = author.Id;
        }

        try
        {
            // The photo is checked and stored first; the author row changes only if every field is valid too.
            var avatar = Form.RemovePhoto ? null : author?.AvatarUrl;
            if (photo is { Length: > 0 })
            {
                await using var stream = photo.OpenReadStream();
                avatar = await avatars.SaveAsync(stream, photo.Length, cancellationToken);
            }

            var saved = await writer.SaveAsync(author, new AuthorDraft(Form.Slug, Form.Name, Form.Bio, avatar, Form.X, Form.Website, Form.Mastodon), cancellationToken);
            return this.SeeOther($"/newsroom/authors/{saved.Id}?saved=true");
        }
        catch (ContentException e)
        {
            Error = e.Message;
            Form.AvatarUrl = author?.AvatarUrl;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
