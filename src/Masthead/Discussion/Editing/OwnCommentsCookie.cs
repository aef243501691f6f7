using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Masthead.Discussion.Editing;

/// <summary>
/// The comments this browser posted and may still edit, with their secrets, in a signed and
/// encrypted cookie that lives as long as the edit window. While it lives the reader gets
/// article pages rendered for them (with "Edit" links), not the shared cached copy.
/// </summary>
public sealed class OwnCommentsCookie(IDataProtectionProvider protection, IOptionsMonitor<DiscussionOptions> options)
{
    public const string Name = "mh_own";
    private const int MaxRemembered = 10;

    private readonly IDataProtector _protector = protection.CreateProtector("Masthead.Discussion.OwnComments.v1");

    public IReadOnlyDictionary<long, string> Read(HttpRequest request)
    {
        var owned = new Dictionary<long, string>();
        if (!request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value))
        {
            return owned;
        }

        try
        {
            foreach (var pair in _protector.Unprotect(value).Split(',', StringSplitOptions.RemoveEmptyEntries).Take(MaxRemembered))
            {
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && long.TryParse(pair.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    owned[id] = pair[(colon + 1)..];
                }
            }
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // A forged or stale cookie gives no rights.
        }

        return owned;
    }

    public void Add(HttpContext context, long commentId, string key)
    {
        var minutes = options.CurrentValue.EditWindowMinutes;
        if (minutes == 0)
        {
            return;
        }

        var pairs = Read(context.Request).Where(p => p.Key != commentId).Select(p => $"{p.Key.ToString(CultureInfo.InvariantCulture)}:{p.Value}")
            .Prepend($"{commentId.ToString(CultureInfo.InvariantCulture)}:{key}").Take(MaxRemembered);
        context.Response.Cookies.Append(Name, _protector.Protect(string.Join(',', pairs)), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            Path = "/",
            MaxAge = TimeSpan.FromMinutes(minutes),
        });
    }
}
