using Masthead.Data;
using Masthead.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Newsroom.Accounts;

/// <summary>The outcome of creating a staff account: done, or every reason it was refused.</summary>
public sealed record AccountResult(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static AccountResult Fail(params string[] errors) => new(false, errors);
}

/// <summary>Creates staff accounts with one role each; used by the command line and the users page.</summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, MastheadDbContext db)
{
    /// <param name="authorSlug">The byline the person writes under; authors may edit only articles carrying it.</param>
    public async Task<AccountResult> CreateAsync(string email, string displayName, string role, string password, CancellationToken cancellationToken, string? authorSlug = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        role = role.Trim().ToLowerInvariant();
        if (!StaffRoles.All.Contains(role))
        {
            return AccountResult.Fail($"Unknown role '{role}'. Choose one of: {string.Join(", ", StaffRoles.All)}.");
        }

        if (!System.Net.Mail.MailAddress.TryCreate(email.Trim(), out var address) || address.Address != email.Trim())
        {
            return AccountResult.Fail($"'{email}' is not an email address.");
        }

        Author? author = null;
        if (!string.IsNullOrWhiteSpace(authorSlug))
        {
            author = await db.Authors.FirstOrDefaultAsync(a => a.Slug == authorSlug.Trim(), cancellationToken);
            if (author is null)
            {
                return AccountResult.Fail($"There is no author '{authorSlug}'. Create the author first.");
            }
        }
        else if (role == StaffRoles.Author)
        {
            return AccountResult.Fail("An author account needs the byline it writes under (--author SLUG).");
        }

        await EnsureRolesAsync(cancellationToken);
        var user = new StaffUser
        {
            UserName = address.Address,
            Email = address.Address,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? address.User : displayName.Trim(),
            AuthorId = author?.Id,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new AccountResult(false, created.Errors.Select(e => e.Description).ToList());
        }

        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            // Never leave an account without its role behind.
            await users.DeleteAsync(user);
            return new AccountResult(false, added.Errors.Select(e => e.Description).ToList());
        }

        return new AccountResult(true, []);
    }

    public bool AnyUser() => users.Users.Any();

    private async Task EnsureRolesAsync(CancellationToken cancellationToken)
    {
        foreach (var name in StaffRoles.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(name))
            {
                await roles.CreateAsync(new IdentityRole(name));
            }
        }
    }
}
