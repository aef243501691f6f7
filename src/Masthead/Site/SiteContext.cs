using System.Globalization;
using Masthead.Data.Entities;

namespace Masthead.Site;

/// <summary>
/// The publication as the site shows it, with its zone and culture resolved once. Held as a
/// singleton and replaced whole when the stored publication changes.
/// </summary>
public sealed class SiteContext
{
    private volatile PublicationView _current = PublicationView.From(new Publication { Name = "Masthead", BaseUrl = "" });

    public PublicationView Publication => _current;

    public void Set(Publication publication) => _current = PublicationView.From(publication);
}

public sealed record PublicationView(
    string Name,
    string Description,
    string BaseUrl,
    TimeZoneInfo TimeZone,
    CultureInfo Culture,
    string DateTimeFormat,
    string DateFormat)
{
    public string Language => Culture.TwoLetterISOLanguageName;

    public static PublicationView From(Publication p)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(p.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(p.Locale).Clone();

        // News sites write "3:38 pm", not "3:38 PM".
        culture.DateTimeFormat.AMDesignator = culture.DateTimeFormat.AMDesignator.ToLower(culture);
        culture.DateTimeFormat.PMDesignator = culture.DateTimeFormat.PMDesignator.ToLower(culture);
        return new PublicationView(p.Name, p.Description, p.BaseUrl.TrimEnd('/'), zone, CultureInfo.ReadOnly(culture), p.DateTimeFormat, p.DateFormat);
    }

    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    /// <summary>E.g. "October 23, 2024 at 3:38 pm" in the publication's zone.</summary>
    public string FormatDateTime(DateTime utc) => ToLocal(utc).ToString(DateTimeFormat, Culture);

    public string FormatDate(DateTime utc) => ToLocal(utc).ToString(DateFormat, Culture);

    /// <summary>ISO 8601 with the publication's offset, for datetime attributes and metadata.</summary>
    public string FormatIso(DateTime utc)
    {
        var local = ToLocal(utc);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(utc)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
