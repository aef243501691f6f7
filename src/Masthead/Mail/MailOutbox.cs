using Masthead.Data;
using Masthead.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masthead.Mail;

/// <summary>Puts messages on the persistent mail queue; <see cref="MailWorker"/> sends them. Nothing is queued while mail is off.</summary>
public sealed class MailOutbox(MastheadDbContext db, IOptionsMonitor<MailOptions> options, MailSignal signal, TimeProvider clock)
{
    public bool IsOn => options.CurrentValue.Enabled;

    public async Task SendAsync(string to, string subject, string text, string? unsubscribeUrl, CancellationToken cancellationToken)
    {
        if (!IsOn)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.OutgoingMails.Add(new OutgoingMail
        {
            To = to,
            Subject = subject.Length > 300 ? subject[..299] + "…" : subject,
            TextBody = text,
            UnsubscribeUrl = unsubscribeUrl,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
    }

    /// <summary>The recipient record for an address, created unconfirmed when new.</summary>
    public async Task<MailRecipient> RecipientAsync(string address, CancellationToken cancellationToken)
    {
        address = address.Trim().ToLowerInvariant();
        var recipient = await db.MailRecipients.FirstOrDefaultAsync(r => r.Address == address, cancellationToken);
        if (recipient is null)
        {
            recipient = new MailRecipient { Address = address, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.MailRecipients.Add(recipient);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Created by a request at the same moment.
                db.ChangeTracker.Clear();
                recipient = await db.MailRecipients.FirstAsync(r => r.Address == address, cancellationToken);
            }
        }

        return recipient;
    }
}

/// <summary>Wakes the mail worker when a message is queued.</summary>
public sealed class MailSignal : Site.WakeSignal;
