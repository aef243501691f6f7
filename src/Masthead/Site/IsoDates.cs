using System.Globalization;

namespace Masthead.Site;

public static class IsoDates
{
    /// <summary>UTC in ISO 8601 with "Z", for machine-readable <c>datetime</c> attributes.</summary>
    public static string Utc(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
