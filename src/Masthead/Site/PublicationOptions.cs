using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Masthead.Site;

/// <summary>
/// Bound from "Masthead:Publication". Values set here win over what is stored, so an operator can
/// always correct the site's name, address or zone from configuration.
/// </summary>
public sealed class PublicationOptions : IValidatableObject
{
    public const string Section = "Masthead:Publication";

    [StringLength(200)]
    public string? Name { get; set; }

    [StringLength(500)]
    public string? Description { get; set; }

    /// <summary>Absolute public URL; when empty, links are built from the request's own host.</summary>
    [Url]
    public string? BaseUrl { get; set; }

    public string? TimeZone { get; set; }
    public string? Locale { get; set; }
    public string? DateTimeFormat { get; set; }
    public string? DateFormat { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Unknown time zone '{TimeZone}'. Use an IANA id such as Europe/London.", [nameof(TimeZone)]);
        }

        if (Locale is not null && !IsKnownCulture(Locale))
        {
            yield return new ValidationResult($"Unknown locale '{Locale}'. Use a culture name such as en-US.", [nameof(Locale)]);
        }

        foreach (var (name, format) in new[] { (nameof(DateTimeFormat), DateTimeFormat), (nameof(DateFormat), DateFormat) })
        {
            if (format is not null && !IsUsableFormat(format))
            {
                yield return new ValidationResult($"'{format}' is not a usable date format.", [name]);
            }
        }
    }

    private static bool IsKnownCulture(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true) is not null;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static bool IsUsableFormat(string format)
    {
        try
        {
            _ = new DateTime(2024, 10, 23, 15, 38, 0).ToString(format, CultureInfo.InvariantCulture);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
