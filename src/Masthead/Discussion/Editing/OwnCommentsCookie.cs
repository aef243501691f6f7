using System.Globalization;
using Masthead.Site;
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

    private readonly ProtectedListCookie _cookie = new(protection.CreateProtector("Masthead.Discussion.OwnComments.v1"), Name, maxEntries: 10);

    /// <summary>Comment id → its edit secret; entries are written "id:secret".</summary>
    public IReadOnlyDictionary<long, string> Read(HttpRequest request)
    {
        var owned = new Dictionary<long, string>();
        foreach (var pair in _cookie.Read(request))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && long.TryParse(pair.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                owned[id] = pair[(colon + 1)..];
            }
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

        var pairs = Read(context.Request).Where(p => p.Key != commentId).Select(p => Entry(p.Key, p.Value)).Prepend(Entry(commentId, key));
        _cookie.Write(context, pairs, TimeSpan.FromMinutes(minutes));
    }

    private static string Entry(long commentId, string key) => $"{commentId.ToString(CultureInfo.InvariantCulture)}:{key}";
}
