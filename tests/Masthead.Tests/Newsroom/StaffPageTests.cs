using System.Net;
using Masthead.Data.Entities;
using Masthead.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Tests.Newsroom;

public abstract class StaffPageTests(MastheadServer server)
{
    [Fact]
    public async Task Add_AdminAddsAModerator_WhoCanSignInAndModerate()
    {
        using var admin = await server.SignedInAsync(StaffRoles.Admin);
        var email = $"{TestContent.Unique("new")}@example.com";
        var token = (await admin.PageAsync("/newsroom/users")).CsrfToken;

        var added = await admin.PostAsync("/newsroom/users?handler=Add", new Dictionary<string, string>
        {
            ["__csrf"] = token, ["Form.Email"] = email, ["Form.Name"] = "New Mod", ["Form.Role"] = StaffRoles.Moderator, ["Form.Password"] = Staff.Password,
        });
        using var moderator = server.NewReader();
        await moderator.SignInAsync(email);

        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync("/newsroom/moderation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync("/newsroom/users")).StatusCode);
    }

    [Fact]
    public async Task Add_ShortPassword_RefusedWithMessagePasswordNotEchoed()
    {
        using var admin = await server.SignedInAsync(StaffRoles.Admin);
        var email = $"{TestContent.Unique("short")}@example.com";
        var token = (await admin.PageAsync("/newsroom/users")).CsrfToken;

        var response = await admin.PostAsync("/newsroom/users?handler=Add", new Dictionary<string, string>
        {
            ["__csrf"] = token, ["Form.Email"] = email, ["Form.Role"] = StaffRoles.Editor, ["Form.Password"] = "tooshort",
        });
        var page = await Reader.Page.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("12 characters", page.Text("#form-error"), StringComparison.Ordinal);
        Assert.Equal(email, page.Document.QuerySelector("#new-email")!.GetAttribute("value"));
        Assert.DoesNotContain("tooshort", page.Html, StringComparison.Ordinal);
        Assert.False(await server.DbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Role_AdminMakesAModeratorAnEditor_NewRoleApplies()
    {
        var email = await server.UserAsync(StaffRoles.Moderator);
        var id = await server.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        using var admin = await server.SignedInAsync(StaffRoles.Admin);
        var token = (await admin.PageAsync("/newsroom/users")).CsrfToken;

        var changed = await admin.PostAsync("/newsroom/users?handler=Role", new Dictionary<string, string> { ["__csrf"] = token, ["id"] = id, ["role"] = StaffRoles.Editor });
        using var member = server.NewReader();
        await member.SignInAsync(email);

        Assert.Equal(HttpStatusCode.SeeOther, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/newsroom/articles")).StatusCode);
    }

    [Theory]
    [InlineData(StaffRoles.Editor)]
    [InlineData(StaffRoles.Moderator)]
    public async Task StaffPage_NotAnAdmin_Forbidden(string role)
    {
        using var member = await server.SignedInAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/newsroom/users")).StatusCode);
    }

    [Theory]
    [InlineData("Role", "unknown role")]
    [InlineData("Unlock", "no such account")]
    public async Task Handler_FieldsLeftOut_BadRequestWithMessage(string handler, string message)
    {
        using var admin = await server.SignedInAsync(StaffRoles.Admin);
        var token = (await admin.PageAsync("/newsroom/users")).CsrfToken;

        var response = await admin.PostAsync($"/newsroom/users?handler={handler}", new Dictionary<string, string> { ["__csrf"] = token });
        var page = await Reader.Page.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.Text("#form-error"), StringComparison.OrdinalIgnoreCase);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StaffPageOnSqlite(SqliteServer server) : StaffPageTests(server);

[Collection(PostgresCollection.Name)]
public sealed class StaffPageOnPostgres(PostgresServer server) : StaffPageTests(server);

/// <summary>The last admin keeps the role: on a server of its own, where it is certainly the only one.</summary>
public sealed class LastAdminTests
{
    [Fact]
    public async Task Role_OnlyAdminDemotesThemself_Refused()
    {
        var server = new SqliteServer();
        await ((IAsyncLifetime)server).InitializeAsync();
        try
        {
            var email = await server.UserAsync(StaffRoles.Admin);
            var id = await server.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
            using var admin = server.NewReader();
            await admin.SignInAsync(email);
            var token = (await admin.PageAsync("/newsroom/users")).CsrfToken;

            var response = await admin.PostAsync("/newsroom/users?handler=Role", new Dictionary<string, string> { ["__csrf"] = token, ["id"] = id, ["role"] = StaffRoles.Editor });

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("only admin", (await Reader.Page.ReadAsync(response)).Text("#form-error"), StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)server).DisposeAsync();
        }
    }
}
