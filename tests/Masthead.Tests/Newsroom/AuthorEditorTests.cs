using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Masthead.Data.Entities;
using Masthead.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Masthead.Tests.Newsroom;

public abstract class AuthorEditorTests(MastheadServer server)
{
    [Fact]
    public async Task Create_WithALargePhoto_StoredReEncodedSmallAndServedAsJpeg()
    {
        using var editor = await server.SignedInAsync(StaffRoles.Editor);
        var slug = TestContent.Unique("photo");

        var response = await SaveAsync(editor, "/newsroom/authors/new", slug, "Irena Vasko", Png(1600, 1200));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var author = await server.DbAsync(db => db.Authors.SingleAsync(a => a.Slug == slug));
        Assert.StartsWith("/media/avatars/", author.AvatarUrl, StringComparison.Ordinal);
        using var reader = server.NewReader();
        var photo = await reader.GetAsync(author.AvatarUrl!);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", photo.Headers.GetValues("X-Content-Type-Options").Single());
        using var decoded = SKBitmap.Decode(await photo.Content.ReadAsByteArrayAsync());
        Assert.Equal((512, 384), (decoded.Width, decoded.Height));
        Assert.Contains(author.AvatarUrl!, (await reader.PageAsync($"/authors/{slug}")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ImageWithAPayloadAfterIt_PayloadDroppedByReEncoding()
    {
        using var editor = await server.SignedInAsync(StaffRoles.Admin);
        var slug = TestContent.Unique("poly");
        var polyglot = Png(64, 64).Concat(Encoding.ASCII.GetBytes("<script>alert(document.cookie)</script>")).ToArray();

        await SaveAsync(editor, "/newsroom/authors/new", slug, "Poly Glot", polyglot);

        var url = await server.DbAsync(db => db.Authors.Where(a => a.Slug == slug).Select(a => a.AvatarUrl).SingleAsync());
        using var reader = server.NewReader();
        using var photo = await reader.GetAsync(url!);
        var bytes = await photo.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain("<script>", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("gif")]
    [InlineData("bomb")]
    [InlineData("huge")]
    public async Task Create_BadPhoto_RefusedWithMessageNothingSaved(string kind)
    {
        using var editor = await server.SignedInAsync(StaffRoles.Editor);
        var slug = TestContent.Unique("bad");
        var bytes = kind switch
        {
            "text" => Encoding.UTF8.GetBytes("<html><body>not an image</body></html>"),
            "gif" => Encoding.ASCII.GetBytes("GIF89a").Concat(new byte[64]).ToArray(),
            "bomb" => PngHeaderClaiming(60_000, 60_000),
            _ => new byte[3 * 1024 * 1024],
        };

        var response = await SaveAsync(editor, "/newsroom/authors/new", slug, "Bad Photo", bytes);

        Assert.False(await server.DbAsync(db => db.Authors.AnyAsync(a => a.Slug == slug)));
        var page = await Reader.Page.ReadAsync(response);
        if (kind == "huge")
        {
            // Refused before the form is read, with the site's error page.
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Contains("smaller file", page.Html, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("photo", page.Text("#form-error"), StringComparison.OrdinalIgnoreCase);
            Assert.Equal("Bad Photo", page.Document.QuerySelector("#name")!.GetAttribute("value"));
        }
    }

    [Theory]
    [InlineData(StaffRoles.Moderator)]
    [InlineData(StaffRoles.Author)]
    public async Task Authors_RoleWithoutAuthorRights_Forbidden(string role)
    {
        using var member = await server.SignedInAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/newsroom/authors")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/newsroom/authors/new")).StatusCode);
    }

    private static async Task<HttpResponseMessage> SaveAsync(Reader member, string path, string slug, string name, byte[]? photo)
    {
        var token = (await member.PageAsync("/newsroom/authors/new")).CsrfToken;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__csrf" },
            { new StringContent(name), "Form.Name" },
            { new StringContent(slug), "Form.Slug" },
            { new StringContent("Covers the Balkans."), "Form.Bio" },
            { new StringContent("irena_v"), "Form.X" },
        };
        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, "photo", "photo.png");
        }

        return await member.PostAsync(path, form);
    }

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A PNG signature and header chunk that claim a vast image, with no pixels behind them.</summary>
    private static byte[] PngHeaderClaiming(int width, int height)
    {
        var ihdr = new List<byte>();
        ihdr.AddRange("IHDR"u8.ToArray());
        ihdr.AddRange(BigEndian(width));
        ihdr.AddRange(BigEndian(height));
        ihdr.AddRange(new byte[] { 8, 6, 0, 0, 0 });
        var bytes = new List<byte> { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        bytes.AddRange(BigEndian(13));
        bytes.AddRange(ihdr);
        bytes.AddRange(BigEndian((int)Crc32(ihdr.ToArray())));
        return [.. bytes];
    }

    private static byte[] BigEndian(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuthorEditorOnSqlite(SqliteServer server) : AuthorEditorTests(server);

[Collection(PostgresCollection.Name)]
public sealed class AuthorEditorOnPostgres(PostgresServer server) : AuthorEditorTests(server);
