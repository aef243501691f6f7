using Microsoft.AspNetCore.DataProtection;

namespace Masthead.Site;

/// <summary>
/// A short list of entries, newest first, kept in one signed and encrypted cookie. The browser
/// can neither read nor change it; a forged, truncated or stale cookie reads as an empty list.
/// </summary>
public sealed class ProtectedListCookie(IDataProtector protector, string name, int maxEntries)
{
    public IReadOnlyList<string> Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(name, out var value) || string.IsNullOrEmpty(value))
        {
            return [];
        }

        try
        {
            return [.. protector.Unprotect(value).Split(',', StringSplitOptions.RemoveEmptyEntries).Take(maxEntries)];
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return [];
        }
    }

    /// <summary>Writes <paramref name="entries"/> (none may contain a comma), keeping the first <c>maxEntries</c>.</summary>
    public void Write(HttpContext context, IEnumerable<string> entries, TimeSpan lifetime)
    {
        context.Response.Cookies.Append(name, protector.Protect(string.Join(',', entries.Take(maxEntries))), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            Path = "/",
            MaxAge = lifetime,
        });
    }
}
