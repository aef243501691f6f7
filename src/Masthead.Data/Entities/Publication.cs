namespace Masthead.Data.Entities;

/// <summary>The site itself: its name, address and how it shows dates.</summary>
public sealed class Publication
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";

    /// <summary>Absolute base URL without a trailing slash, e.g. https://news.example.</summary>
    public required string BaseUrl { get; set; }

    /// <summary>IANA time zone id used to show dates, e.g. Europe/London.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Culture name used for month names and the page's lang attribute, e.g. en-US.</summary>
    public string Locale { get; set; } = "en-US";

    /// <summary>.NET custom format for comment timestamps; "tt" prints a lower-case am/pm.</summary>
    public string DateTimeFormat { get; set; } = "MMMM d, yyyy 'at' h:mm tt";

    /// <summary>.NET custom format for article dates.</summary>
    public string DateFormat { get; set; } = "MMMM d, yyyy";
}
