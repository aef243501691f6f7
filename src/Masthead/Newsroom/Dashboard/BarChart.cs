using System.Globalization;
using System.Net;
using System.Text;

namespace Masthead.Newsroom.Dashboard;

/// <summary>
/// A stacked bar chart as inline SVG, drawn on the server: no script, no chart library, and the
/// same numbers are printed beside it as a table for screen readers and for anyone who wants them.
/// </summary>
public static class BarChart
{
    public sealed record Series(string Name, string CssClass, Func<DayCounts, int> Value);

    public static readonly IReadOnlyList<Series> CommentSeries =
    [
        new("Approved", "bar-approved", d => d.Approved),
        new("Held", "bar-held", d => d.Held),
        new("Spam", "bar-spam", d => d.Spam),
        new("Rejected", "bar-rejected", d => d.Rejected),
    ];

    public static string Render(IReadOnlyList<DayCounts> days, int width = 720, int height = 200)
    {
        const int left = 36, bottom = 22, top = 8;
        var plotHeight = height - bottom - top;
        var max = Math.Max(1, days.Max(d => d.Total));
        var scale = NiceCeiling(max);
        var barWidth = (width - left) / (double)Math.Max(1, days.Count);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"nr-chart\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"chart-title\">");
        svg.Append("<title id=\"chart-title\">Comments per day, by outcome; the numbers are in the table below</title>");
        foreach (var fraction in new[] { 0.0, 0.5, 1.0 })
        {
            var y = top + (plotHeight * (1 - fraction));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" class=\"grid\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 4}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{scale * fraction:0}</text>");
        }

        for (var i = 0; i < days.Count; i++)
        {
            var x = left + (i * barWidth) + 1;
            var y = (double)(top + plotHeight);
            foreach (var series in CommentSeries)
            {
                var value = series.Value(days[i]);
                if (value == 0)
                {
                    continue;
                }

                var h = plotHeight * value / (double)scale;
                y -= h;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{Math.Max(1, barWidth - 2):0.#}\" height=\"{h:0.#}\" class=\"{series.CssClass}\"/>");
            }

            if (i % 7 == 0 || i == days.Count - 1)
            {
                var label = WebUtility.HtmlEncode(days[i].Day.ToString("d MMM", CultureInfo.InvariantCulture));
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (barWidth / 2):0.#}\" y=\"{height - 6}\" text-anchor=\"middle\">{label}</text>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The axis top: the maximum rounded up to 1, 2 or 5 times a power of ten.</summary>
    public static int NiceCeiling(int value)
    {
        var power = (int)Math.Pow(10, Math.Floor(Math.Log10(Math.Max(1, value))));
        foreach (var step in new[] { 1, 2, 5, 10 })
        {
            if (step * power >= value)
            {
                return step * power;
            }
        }

        return 10 * power;
    }
}
