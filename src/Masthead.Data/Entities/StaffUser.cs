using Microsoft.AspNetCore.Identity;

namespace Masthead.Data.Entities;

/// <summary>A member of the newsroom who signs in: admin, editor, author or moderator.</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>How the newsroom names them in the audit log and the queue.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The byline this person writes under; an author may edit only articles that carry it.</summary>
    public int? AuthorId { get; set; }
    public Author? Author { get; set; }
}

/// <summary>The newsroom's roles; what each may do is decided in one place, the site's authorization policies.</summary>
public static class StaffRoles
{
    public const string Admin = "admin";
    public const string Editor = "editor";
    public const string Author = "author";
    public const string Moderator = "moderator";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, Author, Moderator];
}
