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

    public sealed record StaffRow(string Id, string Email, string DisplayName, string Role, string? AuthorSlug, bool LockedOut);

    /// <summary>Every account with its role, by email.</summary>
    public async Task<List<StaffRow>> ListAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await (
            from u in db.Users.AsNoTracking()
            join ur in db.UserRoles on u.Id equals ur.UserId into roleLinks
            from ur in roleLinks.DefaultIfEmpty()
            join r in db.Roles on ur.RoleId equals r.Id into roleRows
            from r in roleRows.DefaultIfEmpty()
            orderby u.Email
            select new { u.Id, u.Email, u.DisplayName, Role = r == null ? "" : r.Name, AuthorSlug = u.Author == null ? null : u.Author!.Slug, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new StaffRow(r.Id, r.Email ?? "", r.DisplayName, r.Role ?? "", r.AuthorSlug, r.LockoutEnd > now)).ToList();
    }

    /// <summary>Gives an account a different role; the last admin cannot stop being one, or nobody could manage the newsroom.</summary>
    public async Task<AccountResult> ChangeRoleAsync(string userId, string role, CancellationToken cancellationToken)
    {
        role = role.Trim().ToLowerInvariant();
        if (!StaffRoles.All.Contains(role))
        {
            return AccountResult.Fail($"Unknown role '{role}'.");
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.Fail("There is no such account.");
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(StaffRoles.Admin) && role != StaffRoles.Admin &&
            (await users.GetUsersInRoleAsync(StaffRoles.Admin)).Count <= 1)
        {
            return AccountResult.Fail("This is the only admin: make someone else an admin first.");
        }

        if (role == StaffRoles.Author && user.AuthorId is null)
        {
            return AccountResult.Fail("An author account needs a byline; create the account again with one.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        await EnsureRolesAsync(cancellationToken);
        var removed = await users.RemoveFromRolesAsync(user, current);
        var added = removed.Succeeded ? await users.AddToRoleAsync(user, role) : removed;
        if (!added.Succeeded)
        {
            return new AccountResult(false, added.Errors.Select(e => e.Description).ToList());
        }

        // Signs the person out everywhere, so the old role's pages close at once.
        await users.UpdateSecurityStampAsync(user);
        return new AccountResult(true, []);
    }

    /// <summary>Lifts a lockout left by too many wrong passwords.</summary>
    public async Task<AccountResult> UnlockAsync(string userId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.Fail("There is no such account.");
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return new AccountResult(true, []);
    }

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
