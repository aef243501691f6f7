using MailKit.Net.Smtp;
using MailKit.Security;
using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Masthead.Mail;

/// <summary>
/// Sends queued mail over SMTP with MailKit: everything due, one connection per batch, then sleeps
/// until woken or a minute passes. A message that fails is tried again after 1, 5, 30 minutes,
/// 2 and 12 hours, then marked failed; a server that refuses the address outright is not retried.
/// </summary>
public sealed class MailWorker(IServiceScopeFactory scopes, MailSignal signal, IOptionsMonitor<MailOptions> options, TimeProvider clock, ILogger<MailWorker> logger) : BackgroundService
{
    public const int BatchSize = 50;

    private static readonly RetrySchedule Retries =
        new(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(12));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (options.CurrentValue.Enabled)
                {
                    while (await SendDueAsync(stoppingToken) > 0)
                    {
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sending mail failed; trying again in a minute");
            }

            await signal.WaitAsync(TimeSpan.FromMinutes(1), clock, stoppingToken);
        }
    }

    /// <summary>Sends up to <see cref="BatchSize"/> due messages; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MastheadDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutgoingMails.Where(m => m.Status == MailStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var settings = options.CurrentValue;
        using var smtp = new SmtpClient { Timeout = 30_000 };
        try
        {
            await smtp.ConnectAsync(settings.Host!, settings.Port, ToMailKit(settings.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.Username))
            {
                await smtp.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var mail in due)
            {
                Failed(mail, now, $"Could not reach the mail server: {e.Message}", final: false);
            }

            await db.SaveChangesAsync(cancellationToken);
            return 0;
        }

        var sent = 0;
        foreach (var mail in due)
        {
            try
            {
                await smtp.SendAsync(Compose(mail, settings), cancellationToken);
                mail.Status = MailStatus.Sent;
                mail.SentAt = clock.GetUtcNow().UtcDateTime;
                mail.Attempts++;
                sent++;
            }
            catch (SmtpCommandException e) when (e.ErrorCode is SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500)
            {
                Failed(mail, now, $"The mail server refused the address: {e.Message}", final: true);
            }
            catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or ParseException)
            {
                Failed(mail, now, e.Message, final: false);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await smtp.DisconnectAsync(quit: true, cancellationToken);
        return sent;
    }

    private static MimeMessage Compose(OutgoingMail mail, MailOptions settings)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress!));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.TextBody };
        if (mail.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 8058: a mail client may unsubscribe with one POST to this address, no page in between.
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    private static void Failed(OutgoingMail mail, DateTime now, string error, bool final)
    {
        mail.Attempts++;
        mail.LastError = error.Length > 1000 ? error[..1000] : error;
        if (final || Retries.NextAttemptAt(mail.Attempts, now) is not { } next)
        {
            mail.Status = MailStatus.Failed;
        }
        else
        {
            mail.NextAttemptAt = next;
        }
    }

    private static SecureSocketOptions ToMailKit(MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
