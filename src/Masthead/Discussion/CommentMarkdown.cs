using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Parsers;

namespace Masthead.Discussion;

/// <summary>
/// Readers write a small, safe subset of Markdown: paragraphs, emphasis, links, quotes, lists and
/// code. Raw HTML is shown as text, headings and images are not offered, and every link is
/// marked <c>rel="nofollow ugc"</c> so that spam earns no search ranking.
/// </summary>
public sealed class CommentMarkdown
{
    private static readonly string[] AllowedTags = ["p", "br", "em", "strong", "del", "a", "blockquote", "code", "pre", "ul", "ol", "li"];

    private readonly MarkdownPipeline _pipeline = CreatePipeline();
    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToHtml(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline)).Trim();

    private static MarkdownPipeline CreatePipeline()
    {
        var builder = new MarkdownPipelineBuilder()
            .DisableHtml()
            .UseAutoLinks()
            .UseSoftlineBreakAsHardlineBreak()
            .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough);

        // "# text" in a comment is shouting, not a heading; "---" is not a rule.
        builder.BlockParsers.TryRemove<HeadingBlockParser>();
        builder.BlockParsers.TryRemove<ThematicBreakParser>();
        return builder.Build();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "nofollow ugc noopener");
            }
        };
        return sanitizer;
    }
}
