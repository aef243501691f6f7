using Masthead.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Newsroom.Editor;

public sealed record ArticleRow(int Id, string Title, string Slug, ArticleStatus Status, DateTime? PublishedAt, DateTime UpdatedAt, string? Section, IReadOnlyList<string> Authors);

/// <summary>The articles a member of staff may edit, newest first, searchable by title and filtered by status.</summary>
public sealed class ArticleListModel(EditorAccess access) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<ArticleRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public string? Query { get; private set; }
    public ArticleStatus? Status { get; private set; }
    public int PageNumber { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(string? q, string? status, [FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default)
    {
        ArticleStatus parsed = default;
        if ((status is { Length: > 0 } && (!Enum.TryParse(status, ignoreCase: true, out parsed) || !Enum.IsDefined(parsed))) ||
            q is { Length: > 200 } || page is < 1 or > 100_000)
        {
            return BadRequest("Unknown status, or a search or page out of range.");
        }

        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Status = status is { Length: > 0 } ? parsed : null;
        PageNumber = page;
        var articles = (await access.VisibleAsync(User, cancellationToken)).AsNoTracking();
        if (Query is { } text)
        {
            var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            articles = articles.Where(a => EF.Functions.Like(a.Title, pattern, "\\") || EF.Functions.Like(a.Slug, pattern, "\\"));
        }

        if (Status is { } s)
        {
            articles = articles.Where(a => a.Status == s);
        }

        Total = await articles.CountAsync(cancellationToken);
        Rows = await articles.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new ArticleRow(a.Id, a.Title, a.Slug, a.Status, a.PublishedAt, a.UpdatedAt, a.Section == null ? null : a.Section.Name,
                a.Authors.OrderBy(x => x.Position).Select(x => x.Author.Name).ToList()))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
