using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Masthead.Linkbacks;

/// <summary>What fetching someone else's URL gave.</summary>
/// <param name="Status">The final HTTP status, or 0 when no response was had.</param>
/// <param name="Problem">Why nothing usable came back, in words for logs and the newsroom; null on success.</param>
/// <param name="AddressRefused">Whether the fetch was refused because the address is not public.</param>
public sealed record FetchResult(int Status, Uri FinalUrl, IReadOnlyDictionary<string, string[]> Headers, string Body, string? ContentType, string? Problem, bool AddressRefused = false)
{
    public bool Succeeded => Problem is null;

    public static FetchResult Failed(Uri url, string problem, int status = 0, bool addressRefused = false) =>
        new(status, url, new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase), "", null, problem, addressRefused);
}

/// <summary>
/// Fetches other sites' pages for pingbacks and webmentions without becoming a tool against
/// anyone: http and https only; the address is checked when the connection is made (so a name
/// that resolves to a public address for the check and a private one for the request — DNS
/// rebinding — cannot get through), never private, loopback, link-local or multicast unless the
/// exact host and port are allowed; redirects followed by hand and each one checked; a size cap
/// and one time limit over the whole exchange, slow senders included.
/// </summary>
public sealed class SafeFetcher : IDisposable
{
    private readonly IOptionsMonitor<LinkbackOptions> _options;
    private readonly HttpClient _http;

    public SafeFetcher(IOptionsMonitor<LinkbackOptions> options)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ConnectCallback = ConnectAsync,
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Masthead-Linkbacks/1.0");
    }

    /// <summary>GET <paramref name="url"/> (or POST the content <paramref name="body"/> makes to it), following redirects: 307 and 308 post again, the others with GET.</summary>
    public async Task<FetchResult> FetchAsync(Uri url, CancellationToken cancellationToken, Func<HttpContent>? body = null)
    {
        var settings = _options.CurrentValue;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        var current = url;
        try
        {
            var post = body is not null;
            for (var hop = 0; ; hop++)
            {
                if (current.Scheme is not ("http" or "https"))
                {
                    return FetchResult.Failed(current, "Only http and https addresses are fetched.");
                }

                using var request = new HttpRequestMessage(post ? HttpMethod.Post : HttpMethod.Get, current);
                if (post)
                {
                    request.Content = body!();
                }

                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (hop >= settings.MaxRedirects)
                    {
                        return FetchResult.Failed(current, $"More than {settings.MaxRedirects} redirects.", (int)response.StatusCode);
                    }

                    // 307 and 308 repeat a post at the new address; the others continue with a GET.
                    post &= (int)response.StatusCode is 307 or 308;
                    current = new Uri(current, location);
                    continue;
                }

                var headers = response.Headers.Concat(response.Content.Headers)
                    .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => g.SelectMany(h => h.Value).ToArray(), StringComparer.OrdinalIgnoreCase);
                var text = await ReadCappedAsync(response, settings.MaxBytes, deadline.Token);
                return text is null
                    ? FetchResult.Failed(current, $"The page is larger than {settings.MaxBytes:N0} bytes.", (int)response.StatusCode)
                    : new FetchResult((int)response.StatusCode, current, headers, text, response.Content.Headers.ContentType?.MediaType, null);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return FetchResult.Failed(current, $"No complete answer within {settings.TimeoutSeconds} s.");
        }
        catch (HttpRequestException e) when (e.InnerException is RefusedAddressException refused)
        {
            return FetchResult.Failed(current, refused.Message, addressRefused: true);
        }
        catch (HttpRequestException e)
        {
            return FetchResult.Failed(current, $"The request failed: {e.Message}");
        }
        catch (UriFormatException)
        {
            return FetchResult.Failed(current, "A redirect pointed to an address that cannot be read.");
        }
    }

    private static async Task<string?> ReadCappedAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            return null;
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[Math.Min(maxBytes + 1, 64 * 1024)];
        using var collected = new MemoryStream();
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            collected.Write(buffer, 0, read);
            if (collected.Length > maxBytes)
            {
                return null;
            }
        }

        var charset = response.Content.Headers.ContentType?.CharSet;
        var encoding = System.Text.Encoding.UTF8;
        try
        {
            if (!string.IsNullOrEmpty(charset))
            {
                encoding = System.Text.Encoding.GetEncoding(charset.Trim('"'));
            }
        }
        catch (ArgumentException)
        {
            // An unknown charset is read as UTF-8.
        }

        return encoding.GetString(collected.GetBuffer(), 0, (int)collected.Length);
    }

    /// <summary>Resolves the host and connects only to an address that may be fetched; the check and the connection use the same address.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var allowed = _options.CurrentValue.AllowedPrivateEndpoints;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var permitted = addresses.Where(a => NetworkAddresses.IsPublic(a) ||
                allowed.Contains($"{endpoint.Host}:{endpoint.Port}", StringComparer.OrdinalIgnoreCase) ||
                allowed.Contains($"{a}:{endpoint.Port}", StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (permitted.Count == 0)
        {
            throw new RefusedAddressException($"{endpoint.Host} is not a public address; it is not fetched.");
        }

        var socket = new Socket(permitted[0].AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(permitted[0], endpoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();

    private sealed class RefusedAddressException(string message) : IOException(message);
}
