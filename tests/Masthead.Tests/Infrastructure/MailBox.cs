using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Masthead.Tests.Infrastructure;

/// <summary>A message as MailDev (the test command's SMTP server) delivered it.</summary>
public sealed record DeliveredMail(
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("headers")] Dictionary<string, System.Text.Json.JsonElement> Headers,
    [property: JsonPropertyName("to")] List<DeliveredMail.Mailbox> To)
{
    public sealed record Mailbox([property: JsonPropertyName("address")] string Address);

    public string? Header(string name) =>
        Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value.ToString() : null;
}

/// <summary>Reads what reached MailDev through its HTTP API, waiting for messages to arrive.</summary>
public static class MailBox
{
    public const string SmtpVariable = "MASTHEAD_TEST_SMTP";
    public const string ApiVariable = "MASTHEAD_TEST_MAILDEV";

    private static readonly HttpClient Http = new();

    public static (string Host, string Port) Smtp
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(SmtpVariable)
                ?? throw new InvalidOperationException($"{SmtpVariable} is not set. Run the tests with ./test.sh, which starts MailDev.");
            var colon = value.LastIndexOf(':');
            return (value[..colon], value[(colon + 1)..]);
        }
    }

    /// <summary>Every message to <paramref name="address"/> so far.</summary>
    public static async Task<List<DeliveredMail>> ToAsync(string address)
    {
        var api = Environment.GetEnvironmentVariable(ApiVariable)
            ?? throw new InvalidOperationException($"{ApiVariable} is not set. Run the tests with ./test.sh, which starts MailDev.");
        var all = await Http.GetFromJsonAsync<List<DeliveredMail>>(api.TrimEnd('/') + "/email") ?? [];
        return all.Where(m => m.To.Any(t => string.Equals(t.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    /// <summary>Waits until <paramref name="count"/> messages to <paramref name="address"/> have arrived (30 s at most).</summary>
    public static async Task<List<DeliveredMail>> WaitForAsync(string address, int count = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var messages = await ToAsync(address);
            if (messages.Count >= count)
            {
                return messages;
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
