using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;

namespace Masthead.Site;

/// <summary>
/// <c>&lt;csrf-field /&gt;</c>: the anti-forgery hidden input. While a page is captured for the
/// page cache it writes a placeholder that <see cref="PageCacheMiddleware"/> fills per reader.
/// </summary>
[HtmlTargetElement("csrf-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CsrfFieldTagHelper(IAntiforgery antiforgery, IOptions<AntiforgeryOptions> options, IHttpContextAccessor accessor) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var http = accessor.HttpContext ?? throw new InvalidOperationException("No request to write a token for.");
        var capturing = http.Features.Get<PageCaptureFeature>() is not null;
        var tokens = capturing ? null : antiforgery.GetAndStoreTokens(http);

        output.TagName = "input";
        output.TagMode = TagMode.SelfClosing;
        output.Attributes.SetAttribute("type", "hidden");
        output.Attributes.SetAttribute("name", options.Value.FormFieldName);
        output.Attributes.SetAttribute("value", capturing ? PageCache.TokenPlaceholder : tokens!.RequestToken);
    }
}
