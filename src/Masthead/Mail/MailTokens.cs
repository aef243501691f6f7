using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Masthead.Mail;

/// <summary>What a link in a message lets its holder do.</summary>
public enum MailAction
{
    /// <summary>Confirm the address (double opt-in).</summary>
    Confirm,

    /// <summary>Stop reply notifications for one comment (the one-click List-Unsubscribe link).</summary>
    Unsubscribe,

    /// <summary>Open the address's page, where all mail can be stopped.</summary>
    Preferences,
}

/// <summary>
/// The links in messages carry their authority in the link itself: a signed, encrypted token
/// naming the action, the address and, for one comment's notifications, the comment. No account,
/// no cookie: a mail client's one-click unsubscribe (RFC 8058) must work as it is.
/// </summary>
public sealed class MailTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Masthead.Mail.Links.v1");

    public string Create(MailAction action, string address, long commentId = 0) =>
        _protector.Protect(string.Join('|', action.ToString(), commentId.ToString(CultureInfo.InvariantCulture), address));

    /// <summary>The address and comment a token names for <paramref name="action"/>; null for a forged, damaged or other token.</summary>
    public (string Address, long CommentId)? Read(string? token, MailAction action)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2000)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(token).Split('|', 3);
            return parts.Length == 3 && parts[0] == action.ToString() && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? (parts[2], id)
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
