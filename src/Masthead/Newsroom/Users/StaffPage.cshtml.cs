using Masthead.Data.Entities;
using Masthead.Newsroom.Accounts;
using Masthead.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Newsroom.Users;

/// <summary>What the "add a member of staff" form may carry.</summary>
public sealed class NewStaffForm
{
    public string? Email { get; set; }
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? AuthorSlug { get; set; }
    public string? Password { get; set; }
}

/// <summary>Admins list staff accounts, add them, change their role and lift lockouts.</summary>
public sealed class StaffPageModel(StaffAccounts accounts, TimeProvider clock) : PageModel
{
    [BindProperty]
    public NewStaffForm Form { get; set; } = new();

    public IReadOnlyList<StaffAccounts.StaffRow> Staff { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Notice = done;
        Staff = await accounts.ListAsync(clock.GetUtcNow(), cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var result = await accounts.CreateAsync(Form.Email ?? "", Form.Name ?? "", Form.Role ?? "", Form.Password ?? "", cancellationToken,
            string.IsNullOrWhiteSpace(Form.AuthorSlug) ? null : Form.AuthorSlug);
        return await AnswerAsync(result, $"Added {Form.Email}.", cancellationToken);
    }

    // Form fields bind as null when a request leaves them out; that is a bad request, not a crash.
    public async Task<IActionResult> OnPostRoleAsync(string? id, string? role, CancellationToken cancellationToken) =>
        await AnswerAsync(await accounts.ChangeRoleAsync(id ?? "", role ?? "", cancellationToken), "Role changed.", cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync(string? id, CancellationToken cancellationToken) =>
        await AnswerAsync(await accounts.UnlockAsync(id ?? "", cancellationToken), "Unlocked.", cancellationToken);

    private async Task<IActionResult> AnswerAsync(AccountResult result, string done, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            return this.SeeOther("/newsroom/users?done=" + Uri.EscapeDataString(done));
        }

        Errors = result.Errors;
        Form.Password = null; // never echoed back
        Staff = await accounts.ListAsync(clock.GetUtcNow(), cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public static IReadOnlyList<string> Roles => StaffRoles.All;
}
