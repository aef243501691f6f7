using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Masthead.Tests.Infrastructure;

/// <summary>A reader's browser without JavaScript: real HTTP, its own cookies, redirects followed only when asked.</summary>
public sealed class Reader : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient _http;

    public Reader(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
        };
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public async Task<Page> PageAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        return await Page.ReadAsync(response);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        await _http.PostAsync(path, new FormUrlEncodedContent(fields));

    public async Task<HttpResponseMessage> PostAsync(string path, HttpContent content) =>
        await _http.PostAsync(path, content);

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) =>
        await _http.SendAsync(request);

    public async Task<HttpResponseMessage> PutAsync(string path, HttpContent content) =>
        await _http.PutAsync(path, content);

    /// <summary>Fills the article's comment form the way a reader would and sends it.</summary>
    public async Task<HttpResponseMessage> PostCommentAsync(string articlePath, string name, string email, string body, string? website = null, long? replyTo = null, IDictionary<string, string>? extra = null)
    {
        var page = await PageAsync(articlePath);
        var fields = new Dictionary<string, string>
        {
            ["__csrf"] = page.CsrfToken,
            ["Form.Name"] = name,
            ["Form.Email"] = email,
            ["Form.Body"] = body,
            ["Form.Website"] = website ?? "",
            ["Form.ReplyTo"] = replyTo?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["Form.Homepage"] = "",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>())
        {
            fields[k] = v;
        }

        return await PostAsync(articlePath, fields);
    }

    /// <summary>The id of the comment a successful post stored, read from the "#comment-ID" its redirect names.</summary>
    public static long CommentIdOf(HttpResponseMessage posted)
    {
        var location = posted.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"The post was not stored: {posted.StatusCode}.");
        return long.Parse(location[(location.LastIndexOf("#comment-", StringComparison.Ordinal) + "#comment-".Length)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _http.Dispose();

    public sealed record Page(HttpStatusCode Status, IHtmlDocument Document, string Html, HttpResponseMessage Response)
    {
        public string CsrfToken => Document.QuerySelector("input[name=__csrf]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The page has no anti-forgery field.");

        public static async Task<Page> ReadAsync(HttpResponseMessage response)
        {
            var html = await response.Content.ReadAsStringAsync();
            return new Page(response.StatusCode, Parser.ParseDocument(html), html, response);
        }

        /// <summary>
        /// The fields of the form matching <paramref name="formSelector"/> as a browser would send
        /// them back unchanged: unchecked boxes left out, the first of repeated names kept.
        /// </summary>
        public Dictionary<string, string> FormFields(string formSelector)
        {
            var form = Document.QuerySelector(formSelector) ?? throw new InvalidOperationException($"Nothing matches '{formSelector}'.");
            var fields = new Dictionary<string, string>();
            foreach (var input in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
            {
                if (input.GetAttribute("type") is "checkbox" or "radio" && !input.HasAttribute("checked"))
                {
                    continue;
                }

                fields.TryAdd(input.GetAttribute("name")!, input.TagName switch
                {
                    "TEXTAREA" => input.TextContent,
                    "SELECT" => input.QuerySelector("option[selected]")?.GetAttribute("value") ?? "",
                    _ => input.GetAttribute("value") ?? "",
                });
            }

            return fields;
        }

        public string Text(string selector) =>
            Document.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"Nothing matches '{selector}'.");
    }
}
