using System.Net;
using Masthead.Newsroom.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.Tests.Infrastructure;

/// <summary>Staff accounts for tests, created through the same service as <c>masthead user add</c>, and signed in through the real form.</summary>
public static class Staff
{
    public const string Password = "a long test password";

    public static async Task<string> UserAsync(this MastheadServer server, string role, string? authorSlug = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}"[..(role.Length + 9)] + "@example.com";
        if (role == Masthead.Data.Entities.StaffRoles.Author && authorSlug is null)
        {
            authorSlug = TestContent.Unique("byline");
            await server.AuthorAsync(authorSlug);
        }

        var result = await server.InScopeAsync(sp => sp.GetRequiredService<StaffAccounts>().CreateAsync(email, "", role, Password, CancellationToken.None, authorSlug));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return email;
    }

    public static async Task<HttpResponseMessage> SignInAsync(this Reader reader, string email, string password = Password)
    {
        var form = await reader.PageAsync("/newsroom/signin");
        return await reader.PostAsync("/newsroom/signin", new Dictionary<string, string>
        {
            ["__csrf"] = form.CsrfToken,
            ["Form.Email"] = email,
            ["Form.Password"] = password,
        });
    }

    /// <summary>A reader signed in as a new member of staff with <paramref name="role"/>.</summary>
    public static async Task<Reader> SignedInAsync(this MastheadServer server, string role, string? authorSlug = null)
    {
        var email = await server.UserAsync(role, authorSlug);
        var reader = server.NewReader();
        var response = await reader.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return reader;
    }

    /// <summary>A new moderator approves one comment through the queue's form, as in the newsroom.</summary>
    public static async Task ApproveInTheQueueAsync(this MastheadServer server, string articleSlug, long commentId)
    {
        using var moderator = await server.SignedInAsync(Masthead.Data.Entities.StaffRoles.Moderator);
        var token = (await moderator.PageAsync($"/newsroom/moderation?article={articleSlug}")).CsrfToken;
        var response = await moderator.PostAsync($"/newsroom/moderation?handler=Decide&article={articleSlug}",
            [new("__csrf", token), new("Decision", "approve"), new("Ids", commentId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }
}
