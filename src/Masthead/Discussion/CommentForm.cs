using System.ComponentModel.DataAnnotations;

namespace Masthead.Discussion;

/// <summary>
/// What a reader may send. It is deliberately separate from the stored comment so that no form
/// field can set a status, a date or an address.
/// </summary>
public sealed class CommentForm
{
    // Name and email are required unless the publication's settings say otherwise (CommentPoster checks).
    [StringLength(100, ErrorMessage = "Your name can be at most 100 characters.")]
    public string? Name { get; set; }

    [EmailAddress(ErrorMessage = "That does not look like an email address.")]
    [StringLength(254, ErrorMessage = "Your email address can be at most 254 characters.")]
    public string? Email { get; set; }

    [StringLength(500, ErrorMessage = "The website address can be at most 500 characters.")]
    public string? Website { get; set; }

    /// <summary>Length is checked against <see cref="DiscussionOptions.MaxCommentLength"/>.</summary>
    [Required(ErrorMessage = "Please write a comment.")]
    public string? Body { get; set; }

    public long? ReplyTo { get; set; }

    /// <summary>Mail me when someone replies (after I confirm my address).</summary>
    public bool NotifyReplies { get; set; }

    /// <summary>Hidden from people; a bot that fills every field fills this one too.</summary>
    public string? Homepage { get; set; }
}
