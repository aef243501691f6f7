using System.Globalization;
using Masthead.Site;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Masthead.Discussion;

/// <summary>
/// Remembers, in a signed and encrypted cookie, which held comments this browser posted, so the
/// poster sees them marked "awaiting moderation" and nobody else sees them at all.
/// </summary>
public sealed class PendingCommentsCookie(IDataProtectionProvider protection, IOptionsMonitor<DiscussionOptions> options)
{
    public const string Name = "mh_pending";

    private readonly ProtectedListCookie _cookie = new(protection.CreateProtector("Masthead.Discussion.PendingComments.v1"), Name, maxEntries: 20);

    public IReadOnlyList<long> Read(HttpRequest request) =>
        [.. _cookie.Read(request)
            .Select(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1)
            .Where(id => id > 0)];

    public void Add(HttpContext context, long commentId)
    {
        var ids = Read(context.Request).Prepend(commentId).Distinct();
        _cookie.Write(context, ids.Select(i => i.ToString(CultureInfo.InvariantCulture)), TimeSpan.FromDays(options.CurrentValue.PendingCookieDays));
    }
}
