namespace Masthead.Data.Entities;

public enum MailStatus
{
    Pending = 0,
    Sent = 1,

    /// <summary>Still refused after every retry.</summary>
    Failed = 2,
}

/// <summary>A message waiting to be sent, or its record once sent: the table is the mail queue.</summary>
public sealed class OutgoingMail
{
    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }

    /// <summary>The one-click unsubscribe address (RFC 8058) for the List-Unsubscribe header, if the message has one.</summary>
    public string? UnsubscribeUrl { get; set; }

    public MailStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}

/// <summary>An address the site mails readers at: whether its owner confirmed it (double opt-in) and whether they asked for no more mail.</summary>
public sealed class MailRecipient
{
    public long Id { get; set; }

    /// <summary>Lower-cased.</summary>
    public required string Address { get; set; }

    public DateTime? ConfirmedAt { get; set; }
    public DateTime? StoppedAt { get; set; }
    public DateTime CreatedAt { get; set; }
}
