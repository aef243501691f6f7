using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Masthead.Discussion;

/// <summary>
/// Remembers, in a signed and encrypted cookie, which held comments this browser posted, so the
/// poster sees them marked "awaiting moderation" and nobody else sees them at all.
/// </summary>
public sealed class PendingCommentsCookie(IDataProtectionProvider protection, IOptionsMonitor<DiscussionOptions> options, TimeProvider clock)
{
    public const string Name = "mh_pending";
    private const int MaxRemembered = 20;

    private readonly IDataProtector _protector = protection.CreateProtector("Masthead.Discussion.PendingComments.v1");

    public IReadOnlyList<long> Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value))
        {
            return [];
        }

        try
        {
            return _protector.Unprotect(value)
                .Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1)
                .Where(id => id > 0)
                .Take(MaxRemembered)
                .ToList();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // A forged, truncated or stale cookie is simply ignored.
            return [];
        }
    }

    public void Add(HttpContext context, long commentId)
    {
        var ids = Read(context.Request).Prepend(commentId).Distinct().Take(MaxRemembered);
        var value = _protector.Protect(string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture))));
        context.Response.Cookies.Append(Name, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            Path = "/",
            Expires = clock.GetUtcNow().AddDays(options.CurrentValue.PendingCookieDays),
        });
    }
}
