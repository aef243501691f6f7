using System.Security.Cryptography;
using System.Text;

namespace Masthead.Discussion;

/// <summary>
/// Tells readers apart without knowing who they are: a random id in a long-lived cookie, stored
/// and compared only as a hash. A reader without the cookie is known by a hash of their address.
/// The cookie is set only on pages that need it (reporting, voting), never on cached article
/// pages, so those stay shared by everyone.
/// </summary>
public static class ReaderKey
{
    public const string CookieName = "mh_reader";

    /// <summary>Makes sure the reader has an id cookie, for the form's post to carry back.</summary>
    public static void Ensure(HttpContext context)
    {
        if (!HasId(context, out _))
        {
            Issue(context);
        }
    }

    /// <summary>The reader's key, giving them an id cookie first if they have none (their first vote).</summary>
    public static string Get(HttpContext context) => HasId(context, out var id) ? "c:" + Hash(id) : "c:" + Hash(Issue(context));

    private static bool HasId(HttpContext context, out string id)
    {
        id = context.Request.Cookies.TryGetValue(CookieName, out var value) ? value ?? "" : "";
        return id is { Length: 32 } && id.All(char.IsAsciiHexDigit);
    }

    private static string Issue(HttpContext context)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(CookieName, id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });
        return id;
    }

    /// <summary>The reader's key: "c:" and a hash of their cookie id, or "a:" and a hash of their address.</summary>
    public static string Of(HttpContext context) =>
        HasId(context, out var id) ? "c:" + Hash(id) : "a:" + Hash(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];
}
