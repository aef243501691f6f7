using Masthead.Data;
using Masthead.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Moderation;

/// <summary>Commenters banned by moderators, matched by email, address or display name until the ban ends.</summary>
public static class Bans
{
    public static async Task<bool> IsBannedAsync(MastheadDbContext db, string email, string? ip, string name, DateTime now, CancellationToken cancellationToken)
    {
        var normalizedEmail = email.Trim().ToLowerInvariant();
        return await db.CommenterBans.AnyAsync(b =>
            (b.ExpiresAt == null || b.ExpiresAt > now) &&
            ((b.Kind == BanKind.Email && b.Value == normalizedEmail) ||
             (b.Kind == BanKind.IpAddress && ip != null && b.Value == ip) ||
             (b.Kind == BanKind.Name && b.Value == name)), cancellationToken);
    }

    /// <summary>The value a ban of <paramref name="kind"/> stores for <paramref name="comment"/>; none when the comment has no address.</summary>
    public static string? ValueFor(Comment comment, BanKind kind) => kind switch
    {
        BanKind.Email => comment.AuthorEmail.Trim().ToLowerInvariant(),
        BanKind.IpAddress => comment.IpAddress,
        BanKind.Name => comment.AuthorName,
        _ => null,
    };
}
