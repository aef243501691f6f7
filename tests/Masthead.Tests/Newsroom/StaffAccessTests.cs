using System.Net;
using Masthead.Data.Entities;
using Masthead.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Tests.Newsroom;

public abstract class StaffAccessTests(MastheadServer server)
{
    [Theory]
    [InlineData("/newsroom")]
    [InlineData("/newsroom/moderation")]
    public async Task Get_Anonymous_SentToSignIn(string path)
    {
        using var reader = server.NewReader();

        var response = await reader.GetAsync(path);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith("/newsroom/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_Anonymous_Unauthorized()
    {
        using var reader = server.NewReader();

        var response = await reader.GetAsync("/newsroom/api/comments");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(StaffRoles.Admin, HttpStatusCode.OK)]
    [InlineData(StaffRoles.Editor, HttpStatusCode.OK)]
    [InlineData(StaffRoles.Moderator, HttpStatusCode.OK)]
    [InlineData(StaffRoles.Author, HttpStatusCode.Forbidden)]
    public async Task ModerationQueue_EachRole_AllowedOnlyIfItModerates(string role, HttpStatusCode expected)
    {
        using var reader = await server.SignedInAsync(role);

        var page = await reader.GetAsync("/newsroom/moderation");
        var api = await reader.GetAsync("/newsroom/api/comments");

        Assert.Equal(expected, page.StatusCode);
        Assert.Equal(expected, api.StatusCode);
    }

    [Fact]
    public async Task Decide_AuthorRole_RefusedAndCommentUnchanged()
    {
        var slug = await server.ArticleAsync();
        var id = await server.HeldCommentAsync(slug, "Held until someone with the right role looks.");
        using var author = await server.SignedInAsync(StaffRoles.Author);
        var token = (await author.PageAsync("/newsroom")).CsrfToken;

        var response = await author.PostAsync("/newsroom/moderation?handler=Decide", new Dictionary<string, string>
        {
            ["__csrf"] = token, ["Ids"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Decision"] = "approve",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(CommentStatus.Pending, await server.DbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task SignIn_WrongPassword_RefusedWithMessageAndFormRefilled()
    {
        var email = await server.UserAsync(StaffRoles.Moderator);
        using var reader = server.NewReader();

        var response = await reader.SignInAsync(email, "not the password at all");
        var page = await Reader.Page.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("do not match", page.Text(".nr-error"), StringComparison.Ordinal);
        Assert.Equal(email, page.Document.QuerySelector("input[name='Form.Email']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LockedEvenWithTheRightOne()
    {
        var email = await server.UserAsync(StaffRoles.Editor);
        using var reader = server.NewReader();
        for (var i = 0; i < 5; i++)
        {
            await reader.SignInAsync(email, $"wrong password number {i}");
        }

        var response = await reader.SignInAsync(email);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("locked", (await Reader.Page.ReadAsync(response)).Text(".nr-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ReturnUrlOffSite_GoesToTheNewsroomInstead()
    {
        var email = await server.UserAsync(StaffRoles.Moderator);
        using var reader = server.NewReader();
        var form = await reader.PageAsync("/newsroom/signin");

        var response = await reader.PostAsync("/newsroom/signin?ReturnUrl=%2F%2Fevil.example%2F", new Dictionary<string, string>
        {
            ["__csrf"] = form.CsrfToken, ["Form.Email"] = email, ["Form.Password"] = Staff.Password,
        });

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/newsroom", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Decide_ForgedFormWithoutToken_RefusedAndCommentUnchanged()
    {
        var slug = await server.ArticleAsync();
        var id = await server.HeldCommentAsync(slug, "A comment a forged form tries to approve.");
        using var moderator = await server.SignedInAsync(StaffRoles.Moderator);

        var response = await moderator.PostAsync("/newsroom/moderation?handler=Decide", new Dictionary<string, string>
        {
            ["Ids"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Decision"] = "approve",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(CommentStatus.Pending, await server.DbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task SignOut_Get_NotAllowed_PostSignsOut()
    {
        using var moderator = await server.SignedInAsync(StaffRoles.Moderator);
        var token = (await moderator.PageAsync("/newsroom")).CsrfToken;

        var get = await moderator.GetAsync("/newsroom/signout");
        var post = await moderator.PostAsync("/newsroom/signout", new Dictionary<string, string> { ["__csrf"] = token });
        var after = await moderator.GetAsync("/newsroom/moderation");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(HttpStatusCode.Found, post.StatusCode);
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StaffAccessOnSqlite(SqliteServer server) : StaffAccessTests(server);

[Collection(PostgresCollection.Name)]
public sealed class StaffAccessOnPostgres(PostgresServer server) : StaffAccessTests(server);
