using Masthead.Data.Entities;
using Microsoft.AspNetCore.Authorization;

namespace Masthead.Newsroom;

/// <summary>Who may do what in the newsroom. Every page and endpoint names one of these; nothing checks roles by hand.</summary>
public static class StaffPolicies
{
    /// <summary>Anyone with a newsroom role.</summary>
    public const string Staff = "staff";

    /// <summary>Work the comment queue: admins, editors, moderators.</summary>
    public const string Moderate = "moderate";

    /// <summary>Write articles: admins, editors, authors (authors their own).</summary>
    public const string Write = "write";

    /// <summary>Create and edit authors' pages: admins and editors.</summary>
    public const string ManageAuthors = "manage-authors";

    /// <summary>Users and settings: admins.</summary>
    public const string Administer = "administer";

    public static AuthorizationBuilder AddStaffPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Staff, p => p.RequireRole(StaffRoles.All))
        .AddPolicy(Moderate, p => p.RequireRole(StaffRoles.Admin, StaffRoles.Editor, StaffRoles.Moderator))
        .AddPolicy(Write, p => p.RequireRole(StaffRoles.Admin, StaffRoles.Editor, StaffRoles.Author))
        .AddPolicy(ManageAuthors, p => p.RequireRole(StaffRoles.Admin, StaffRoles.Editor))
        .AddPolicy(Administer, p => p.RequireRole(StaffRoles.Admin));
}
