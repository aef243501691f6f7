using Masthead.Articles;
using Masthead.Data.Entities;
using Masthead.Discussion;
using Masthead.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Masthead.Newsroom.Editor;

/// <summary>
/// Create and edit an article: Markdown with a preview, every field checked on the server, the
/// form refilled on any error, and a save refused (409) when someone else saved in between.
/// </summary>
public sealed class ArticleEditModel(ArticleWriter writer, EditorAccess access, ArticleMarkdown markdown, SiteContext site, IOptionsMonitor<DiscussionOptions> discussion,
    Linkbacks.Sending.LinkbackOutbox linkbacks) : PageModel
{
    [BindProperty]
    public ArticleForm Form { get; set; } = new();

    public int? ArticleId { get; private set; }
    public string? Slug { get; private set; }
    public string? Error { get; private set; }
    public bool Conflict { get; private set; }
    public string? PreviewHtml { get; private set; }
    public bool Saved { get; private set; }

    /// <summary>The sites this article links to and whether they were told.</summary>
    public IReadOnlyList<Data.Entities.OutgoingLinkback> Notifications { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        if (id is null)
        {
            Form.Comments = discussion.CurrentValue.CommentsOnByDefault;
            if (await access.OwnBylineAsync(User, cancellationToken) is { } own)
            {
                Form.Authors = own.Slug;
            }

            return Page();
        }

        var article = await writer.FindAsync(id.Value, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        if (!await access.CanEditAsync(User, article, cancellationToken))
        {
            return Forbid();
        }

        (ArticleId, Slug) = (article.Id, article.Slug);
        Form = ArticleForm.From(article, site.Publication);
        Notifications = await linkbacks.ListAsync(article.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Article? article = null;
        if (id is not null)
        {
            article = await writer.FindAsync(id.Value, cancellationToken);
            if (article is null)
            {
                return NotFound();
            }

            if (!await access.CanEditAsync(User, article, cancellationToken))
            {
                return Forbid();
            }

            (ArticleId, Slug) = (article.Id, article.Slug);
        }

        var draft = Form.ToDraft();
        if (!EditorAccess.EditsEverything(User))
        {
            // An author cannot take their own byline off, or publish under someone else's alone.
            var own = await access.OwnBylineAsync(User, cancellationToken);
            if (own is null || !draft.AuthorSlugs.Contains(own.Slug))
            {
                return Refused(StatusCodes.Status400BadRequest, "Your own byline must stay on the article.");
            }
        }

        try
        {
            var saved = await writer.SaveAsync(article, draft, id is null ? null : Form.Version, User.Identity?.Name ?? "unknown", Request.BaseUrl(site.Publication), cancellationToken);
            return this.SeeOther($"/newsroom/articles/{saved.Id}?saved=true");
        }
        catch (ContentException e)
        {
            return Refused(StatusCodes.Status400BadRequest, e.Message);
        }
        catch (ArticleConflictException e)
        {
            Conflict = true;
            return Refused(StatusCodes.Status409Conflict,
                $"{e.Message} Your text is kept below: open the latest version in another tab and copy your changes into it.");
        }
    }

    /// <summary>Without JavaScript, the preview button posts the form and gets it back with the rendered body beside it.</summary>
    public IActionResult OnPostPreview(int? id)
    {
        ArticleId = id;
        PreviewHtml = markdown.ToHtml(Form.Body.Length > ArticleWriter.MaxBodyLength ? Form.Body[..ArticleWriter.MaxBodyLength] : Form.Body);
        return Page();
    }

    private PageResult Refused(int status, string message)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }
}
