using System.Net;
using Masthead.Data.Entities;
using Masthead.Tests.Infrastructure;

namespace Masthead.Tests.Newsroom;

/// <summary>Every newsroom page and action, for every role: allowed ones answer, the others are refused with 403 before anything happens.</summary>
public abstract class RoleBoundaryTests(MastheadServer server)
{
    private const string A = StaffRoles.Admin, E = StaffRoles.Editor, W = StaffRoles.Author, M = StaffRoles.Moderator;

    private static readonly (string Method, string Path, string[] Allowed)[] Endpoints =
    [
        ("GET", "/newsroom", [A, E, W, M]),
        ("GET", "/newsroom/moderation", [A, E, M]),
        ("GET", "/newsroom/api/comments", [A, E, M]),
        ("POST", "/newsroom/moderation?handler=Decide", [A, E, M]),
        ("POST", "/newsroom/moderation?handler=Ban", [A, E, M]),
        ("GET", "/newsroom/articles", [A, E, W]),
        ("GET", "/newsroom/articles/new", [A, E, W]),
        ("POST", "/newsroom/articles/new", [A, E, W]),
        ("POST", "/newsroom/api/preview", [A, E, W]),
        ("GET", "/newsroom/authors", [A, E]),
        ("GET", "/newsroom/authors/new", [A, E]),
        ("POST", "/newsroom/authors/new", [A, E]),
        ("GET", "/newsroom/settings/discussion", [A]),
        ("POST", "/newsroom/settings/discussion", [A]),
        ("GET", "/newsroom/users", [A]),
        ("POST", "/newsroom/users?handler=Add", [A]),
        ("POST", "/newsroom/users?handler=Role", [A]),
    ];

    [Theory]
    [InlineData(A)]
    [InlineData(E)]
    [InlineData(W)]
    [InlineData(M)]
    public async Task EveryEndpoint_Role_AllowedOrRefusedAsDesigned(string role)
    {
        using var member = await server.SignedInAsync(role);
        var token = (await member.PageAsync("/newsroom")).CsrfToken;
        var wrong = new List<string>();

        foreach (var (method, path, allowed) in Endpoints)
        {
            using var response = method == "GET"
                ? await member.GetAsync(path)
                : await member.PostAsync(path, new Dictionary<string, string> { ["__csrf"] = token });
            var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized;
            if (refused == allowed.Contains(role))
            {
                wrong.Add($"{method} {path}: {(int)response.StatusCode}");
            }
        }

        Assert.True(wrong.Count == 0, $"{role}: " + string.Join("; ", wrong));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RoleBoundaryOnSqlite(SqliteServer server) : RoleBoundaryTests(server);

[Collection(PostgresCollection.Name)]
public sealed class RoleBoundaryOnPostgres(PostgresServer server) : RoleBoundaryTests(server);
