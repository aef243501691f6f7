using Masthead.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Newsroom.Accounts;

/// <summary>What the sign-in form may carry.</summary>
public sealed class SignInForm
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
}

/// <summary>Email and password; five wrong passwords lock the account for a quarter of an hour.</summary>
public sealed class SignInModel(SignInManager<StaffUser> signIn, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public SignInForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var email = Form.Email.Trim();
        if (email.Length == 0 || Form.Password.Length == 0 || email.Length > 254 || Form.Password.Length > 1024)
        {
            Error = "Enter your email and password.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(email, Form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Staff sign-in: {Email}", email);
            return LocalRedirect(SafeReturnUrl());
        }

        logger.LogWarning("Failed staff sign-in for {Email} (locked out: {LockedOut})", email, result.IsLockedOut);
        Error = result.IsLockedOut
            ? "Too many failed attempts: this account is locked for 15 minutes."
            : "That email and password do not match an account.";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    /// <summary>Only a path inside the newsroom; anything else (another site, "//host") goes to the newsroom's front page.</summary>
    private string SafeReturnUrl() =>
        ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith(NewsroomSetup.PathPrefix, StringComparison.OrdinalIgnoreCase)
            ? url
            : NewsroomSetup.PathPrefix;
}
