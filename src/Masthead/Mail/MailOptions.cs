using System.ComponentModel.DataAnnotations;

namespace Masthead.Mail;

/// <summary>How the server sends mail (TLS choices as MailKit names them).</summary>
public enum MailSecurity
{
    None,
    StartTlsWhenAvailable,
    StartTls,
    Tls,
}

/// <summary>Bound from "Masthead:Mail". Off until a server and a sender are configured.</summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "Masthead:Mail";

    public bool Enabled { get; set; }
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.StartTlsWhenAvailable;
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>The From address of every message.</summary>
    public string? FromAddress { get; set; }
    public string FromName { get; set; } = "";

    /// <summary>Mail staff who moderate (admins, editors, moderators) when a comment is held.</summary>
    public bool NotifyModerators { get; set; } = true;

    /// <summary>Mail an article's authors (their staff accounts) when a comment on it is published.</summary>
    public bool NotifyAuthors { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Host))
        {
            yield return new ValidationResult("Masthead:Mail:Host is required when mail is enabled.", [nameof(Host)]);
        }

        if (string.IsNullOrWhiteSpace(FromAddress) || !MimeKit.MailboxAddress.TryParse(FromAddress, out _))
        {
            yield return new ValidationResult("Masthead:Mail:FromAddress must be a mail address when mail is enabled.", [nameof(FromAddress)]);
        }
    }
}
