using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Masthead.Data.Entities;
using Masthead.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Tests.Discussion;

/// <summary>A site that sends its mail to the MailDev server the test command started.</summary>
public class MailingServer : MastheadServer
{
    public MailingServer()
    {
        var (host, port) = MailBox.Smtp;
        Set("Masthead:Mail:Enabled", "true");
        Set("Masthead:Mail:Host", host);
        Set("Masthead:Mail:Port", port);
        Set("Masthead:Mail:Security", "None");
        Set("Masthead:Mail:FromAddress", "desk@masthead.example");
        Set("Masthead:Mail:FromName", "The Desk");
    }
}

/// <summary>The same, on its own PostgreSQL database.</summary>
public sealed class MailingPostgresServer : MailingServer
{
    public MailingPostgresServer() => UsePostgres();
}

public sealed class MailNotificationsOnSqlite(MailingServer server) : MailNotificationTests(server), IClassFixture<MailingServer>;

public sealed class MailNotificationsOnPostgres(MailingPostgresServer server) : MailNotificationTests(server), IClassFixture<MailingPostgresServer>;

public abstract partial class MailNotificationTests(MastheadServer server)
{
    [Fact]
    public async Task Post_OptedIn_ConfirmationMailWithWorkingConfirmAndEditLinks()
    {
        var slug = await server.ArticleAsync(title: "Grain corridor reopens");
        var address = Address();
        using var poster = server.NewReader();

        var id = await PostAsync(poster, slug, address, "Good to see the ships moving.", notify: true);
        var mail = (await MailBox.WaitForAsync(address)).Single();
        var confirm = Link(mail.Text!, "/mail/confirm");
        var edit = Link(mail.Text!, $"/comments/{id}/edit");

        using var laptop = server.NewReader();
        var confirmPage = await laptop.PageAsync(confirm);
        var stillUnconfirmed = await ConfirmedAsync(address);
        var confirmed = await laptop.PostAsync(confirm, []);
        var editPage = await laptop.PageAsync(edit);

        Assert.Contains("Confirm your address", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(address, confirmPage.Document.QuerySelector(".mail-page")!.TextContent, StringComparison.Ordinal);
        Assert.False(stillUnconfirmed);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.True(await ConfirmedAsync(address));
        Assert.Equal(HttpStatusCode.OK, editPage.Status);
        Assert.Equal("Good to see the ships moving.", editPage.Document.QuerySelector("#edit-body")!.TextContent);
    }

    [Fact]
    public async Task Reply_ApprovedByAModerator_ParentPosterMailedWithOneClickUnsubscribe()
    {
        var slug = await server.ArticleAsync(title: "Port cranes idle");
        var address = await ConfirmedPosterAsync();
        using var poster = server.NewReader();
        var parent = await PostAsync(poster, slug, address, "How long until the cranes work again?", notify: true);
        await ApproveAsync(parent);
        using var replier = server.NewReader();
        var reply = await PostAsync(replier, slug, Address(), "About three weeks, the harbour office says.", replyTo: parent);

        await server.ApproveInTheQueueAsync(slug, reply);
        var messages = await MailBox.WaitForAsync(address, 2);
        var notice = messages.Single(m => m.Subject.StartsWith("New reply", StringComparison.Ordinal));
        var unsubscribe = notice.Header("List-Unsubscribe")!.Trim('<', '>');
        using var mailClient = new HttpClient();
        var oneClick = await mailClient.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Contains("three weeks", notice.Text, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", notice.Header("List-Unsubscribe-Post"));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.False(await server.DbAsync(db => db.Comments.Where(c => c.Id == parent).Select(c => c.NotifyReplies).SingleAsync()));
    }

    [Fact]
    public async Task StopAllMail_FromTheAddressPage_NoMoreRepliesMailed()
    {
        var slug = await server.ArticleAsync();
        var address = await ConfirmedPosterAsync();
        using var poster = server.NewReader();
        var parent = await PostAsync(poster, slug, address, "A question for the desk.", notify: true);
        await ApproveAsync(parent);
        var before = (await MailBox.WaitForAsync(address)).Count;
        var preferences = Link((await MailBox.ToAsync(address))[^1].Text!, "/mail/preferences");

        var stopped = await poster.PostAsync(preferences, []);
        using var replier = server.NewReader();
        var reply = await PostAsync(replier, slug, Address(), "An answer from a reader.", replyTo: parent);
        await server.ApproveInTheQueueAsync(slug, reply);

        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.NotNull(await server.DbAsync(db => db.MailRecipients.Where(r => r.Address == address).Select(r => r.StoppedAt).SingleAsync()));
        Assert.Equal(before, await server.DbAsync(db => db.OutgoingMails.CountAsync(m => m.To == address)));
    }

    [Fact]
    public async Task HeldComment_ModeratorsMailed()
    {
        var slug = await server.ArticleAsync(title: "Sanctions and shipping");
        var moderator = await server.UserAsync(StaffRoles.Moderator);
        using var reader = server.NewReader();

        await PostAsync(reader, slug, Address(), "First comment from a newcomer, held for review.");

        var mail = (await MailBox.WaitForAsync(moderator)).Last();
        Assert.Contains("Held for review", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"/newsroom/moderation?article={slug}", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommentPublished_ArticleAuthorWithAStaffAccountMailed()
    {
        var byline = TestContent.Unique("author");
        await server.AuthorAsync(byline, "Lena Berg");
        var slug = await server.ArticleAsync(title: "Ice and iron ore", authorSlug: byline);
        var author = await server.UserAsync(StaffRoles.Author, byline);
        using var reader = server.NewReader();
        var id = await PostAsync(reader, slug, Address(), "The ore trains run on time again.");

        await server.ApproveInTheQueueAsync(slug, id);

        var mail = (await MailBox.WaitForAsync(author)).Single(m => m.Subject.StartsWith("New comment", StringComparison.Ordinal));
        Assert.Contains("ore trains", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"/articles/{slug}#comment-{id}", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MailLink_DamagedToken_400AndNothingChanged()
    {
        using var reader = server.NewReader();

        var page = await reader.PageAsync("/mail/preferences?token=not-a-token");
        var post = await reader.PostAsync("/mail/confirm?token=not-a-token", []);
        var unknown = await reader.GetAsync("/mail/everything?token=x");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound), (page.Status, post.StatusCode, unknown.StatusCode));
    }

    private static string Address() => $"reader-{Guid.NewGuid():N}@example.com";

    /// <summary>An address that opted in once and confirmed, so later opt-ins mail at once.</summary>
    private async Task<string> ConfirmedPosterAsync()
    {
        var address = Address();
        await server.DbAsync(async db =>
        {
            db.MailRecipients.Add(new MailRecipient { Address = address, ConfirmedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        return address;
    }

    private Task<bool> ConfirmedAsync(string address) =>
        server.DbAsync(db => db.MailRecipients.AnyAsync(r => r.Address == address && r.ConfirmedAt != null));

    private async Task ApproveAsync(long id)
    {
        await server.DbAsync(db => db.Comments.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Approved)));
        server.InvalidatePages();
    }

    private static async Task<long> PostAsync(Reader reader, string slug, string email, string body, bool notify = false, long? replyTo = null)
    {
        return Reader.CommentIdOf(await reader.PostCommentAsync($"/articles/{slug}", "Reader", email, body, replyTo: replyTo,
            extra: notify ? new Dictionary<string, string> { ["Form.NotifyReplies"] = "true" } : null));
    }

    /// <summary>The first link in a message whose path contains <paramref name="part"/>.</summary>
    private static string Link(string text, string part) =>
        LinkPattern().Matches(text).Select(m => m.Value).First(u => u.Contains(part, StringComparison.Ordinal));

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}

/// <summary>A site whose mail server is not answering.</summary>
public sealed class UnreachableMailServer : MastheadServer
{
    public UnreachableMailServer()
    {
        Set("Masthead:Mail:Enabled", "true");
        Set("Masthead:Mail:Host", "127.0.0.1");
        Set("Masthead:Mail:Port", FreePort().ToString(CultureInfo.InvariantCulture));
        Set("Masthead:Mail:Security", "None");
        Set("Masthead:Mail:FromAddress", "desk@masthead.example");
    }
}

public sealed class MailRetryTests(UnreachableMailServer server) : IClassFixture<UnreachableMailServer>
{
    [Fact]
    public async Task Send_MailServerDown_KeptInTheQueueForALaterTry()
    {
        var slug = await server.ArticleAsync();
        var moderator = await server.UserAsync(StaffRoles.Moderator);
        using var reader = server.NewReader();
        await reader.PostCommentAsync($"/articles/{slug}", "Reader", "reader@example.com", "Held, so the moderators are mailed.");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        OutgoingMail? mail;
        while ((mail = await server.DbAsync(db => db.OutgoingMails.AsNoTracking().FirstOrDefaultAsync(m => m.To == moderator && m.Attempts > 0))) is null)
        {
            await Task.Delay(50, timeout.Token);
        }

        Assert.Equal(MailStatus.Pending, mail.Status);
        Assert.Contains("Could not reach the mail server", mail.LastError, StringComparison.Ordinal);
        Assert.True(mail.NextAttemptAt > DateTime.UtcNow.AddSeconds(30));
    }
}
