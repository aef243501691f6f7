using Masthead.Data.Entities;
using Masthead.Site;

namespace Masthead.Tests.Site;

public sealed class PublicationViewTests
{
    private static PublicationView View(string zone = "Europe/London", string locale = "en-US") =>
        PublicationView.From(new Publication { Name = "N", BaseUrl = "", TimeZone = zone, Locale = locale });

    [Fact]
    public void FormatDateTime_DefaultFormat_ReadsLikeANewsSite()
    {
        var utc = new DateTime(2024, 10, 23, 14, 38, 0, DateTimeKind.Utc);

        Assert.Equal("October 23, 2024 at 3:38 pm", View().FormatDateTime(utc));
    }

    [Fact]
    public void FormatDateTime_Morning_LowerCaseAm()
    {
        var utc = new DateTime(2024, 1, 5, 9, 5, 0, DateTimeKind.Utc);

        Assert.Equal("January 5, 2024 at 9:05 am", View().FormatDateTime(utc));
    }

    [Fact]
    public void FormatDateTime_OtherZone_ConvertsFromUtc()
    {
        var utc = new DateTime(2024, 10, 23, 23, 30, 0, DateTimeKind.Utc);

        Assert.Equal("October 24, 2024 at 2:30 am", View("Europe/Kyiv").FormatDateTime(utc));
    }

    [Fact]
    public void FormatIso_CarriesThePublicationOffset()
    {
        var utc = new DateTime(2024, 7, 1, 12, 0, 0, DateTimeKind.Utc);

        Assert.Equal("2024-07-01T13:00:00+01:00", View().FormatIso(utc));
    }

    [Fact]
    public void FormatDate_OtherLocale_UsesItsMonthNames()
    {
        var view = PublicationView.From(new Publication { Name = "N", BaseUrl = "", Locale = "uk-UA", DateFormat = "d MMMM yyyy" });

        Assert.Equal("23 жовтня 2024", view.FormatDate(new DateTime(2024, 10, 23, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void From_UnknownZone_FallsBackToUtc()
    {
        Assert.Equal(TimeZoneInfo.Utc, View("Mars/Olympus").TimeZone);
    }
}
