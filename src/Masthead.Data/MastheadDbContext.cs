using Masthead.Data.Entities;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Masthead.Data;

/// <summary>
/// The one database context. Each provider (SQLite, PostgreSQL) keeps its own generated
/// migrations in its own project; this class holds only the model.
/// </summary>
public sealed class MastheadDbContext(DbContextOptions<MastheadDbContext> options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleAuthor> ArticleAuthors => Set<ArticleAuthor>();
    public DbSet<ArticleSlug> ArticleSlugs => Set<ArticleSlug>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<Linkback> Linkbacks => Set<Linkback>();
    public DbSet<OutgoingLinkback> OutgoingLinkbacks => Set<OutgoingLinkback>();
    public DbSet<ModerationDecision> ModerationDecisions => Set<ModerationDecision>();
    public DbSet<CommenterBan> CommenterBans => Set<CommenterBan>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<StoredSettings> StoredSettings => Set<StoredSettings>();
    public DbSet<CommentReport> CommentReports => Set<CommentReport>();
    public DbSet<CommentVote> CommentVotes => Set<CommentVote>();
    public DbSet<CommentRevision> CommentRevisions => Set<CommentRevision>();
    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();
    public DbSet<MailRecipient> MailRecipients => Set<MailRecipient>();
    public DbSet<SettingsChange> SettingsChanges => Set<SettingsChange>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC. SQLite forgets the kind on the way back, and Npgsql refuses a
        // DateTime of unspecified kind for timestamptz, so the kind is pinned in both directions.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Staff accounts, roles and their claims: ASP.NET Core Identity's own tables.
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<StaffUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.HasOne(u => u.Author).WithMany().OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<CommentReport>(e =>
        {
            e.HasIndex(r => new { r.CommentId, r.Reporter }).IsUnique();
            e.HasIndex(r => new { r.ResolvedAt, r.CreatedAt });
            e.Property(r => r.Text).HasMaxLength(1000);
            e.Property(r => r.Reporter).HasMaxLength(64);
            e.HasOne(r => r.Comment).WithMany().OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<StoredSettings>(e =>
        {
            e.HasIndex(x => x.Name).IsUnique();
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<SettingsChange>(e =>
        {
            e.HasIndex(x => new { x.Name, x.ChangedAt });
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.ChangedBy).HasMaxLength(256);
        });

        modelBuilder.Entity<ArticleRevision>(e =>
        {
            e.HasIndex(r => new { r.ArticleId, r.Version }).IsUnique();
            e.Property(r => r.Title).HasMaxLength(300);
            e.Property(r => r.Slug).HasMaxLength(200);
            e.Property(r => r.Standfirst).HasMaxLength(1000);
            e.Property(r => r.SavedBy).HasMaxLength(256);
            e.HasOne(r => r.Article).WithMany().OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CommenterBan>(e =>
        {
            e.HasIndex(b => new { b.Kind, b.Value });
            e.Property(b => b.Value).HasMaxLength(254);
            e.Property(b => b.Moderator).HasMaxLength(256);
            e.Property(b => b.Reason).HasMaxLength(500);
        });

        modelBuilder.Entity<Publication>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.BaseUrl).HasMaxLength(500);
            e.Property(p => p.TimeZone).HasMaxLength(64);
            e.Property(p => p.Locale).HasMaxLength(32);
            e.Property(p => p.DateTimeFormat).HasMaxLength(64);
            e.Property(p => p.DateFormat).HasMaxLength(64);
        });

        modelBuilder.Entity<Author>(e =>
        {
            e.HasIndex(a => a.Slug).IsUnique();
            e.Property(a => a.Slug).HasMaxLength(100);
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.XHandle).HasMaxLength(50);
        });

        modelBuilder.Entity<Section>(e =>
        {
            e.HasIndex(s => s.Slug).IsUnique();
            e.Property(s => s.Slug).HasMaxLength(100);
            e.Property(s => s.Name).HasMaxLength(100);
        });

        modelBuilder.Entity<Tag>(e =>
        {
            e.HasIndex(t => t.Slug).IsUnique();
            e.Property(t => t.Slug).HasMaxLength(100);
            e.Property(t => t.Name).HasMaxLength(100);
        });

        modelBuilder.Entity<Article>(e =>
        {
            e.HasIndex(a => a.Slug).IsUnique();
            e.HasIndex(a => new { a.Status, a.PublishedAt });
            e.Property(a => a.Slug).HasMaxLength(200);
            e.Property(a => a.Title).HasMaxLength(300);
            e.Property(a => a.Standfirst).HasMaxLength(1000);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasOne(a => a.Section).WithMany(s => s.Articles).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(a => a.Tags).WithMany(t => t.Articles).UsingEntity("ArticleTags");
        });

        modelBuilder.Entity<ArticleAuthor>(e =>
        {
            e.HasKey(aa => new { aa.ArticleId, aa.AuthorId });
            e.HasIndex(aa => aa.AuthorId);
            e.HasOne(aa => aa.Article).WithMany(a => a.Authors).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(aa => aa.Author).WithMany(a => a.Articles).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ArticleSlug>(e =>
        {
            e.HasIndex(s => s.Slug).IsUnique();
            e.Property(s => s.Slug).HasMaxLength(200);
            e.HasOne(s => s.Article).WithMany(a => a.FormerSlugs).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Comment>(e =>
        {
            e.HasIndex(c => new { c.ArticleId, c.Status, c.CreatedAt });
            e.HasIndex(c => new { c.Status, c.CreatedAt });
            e.HasIndex(c => new { c.AuthorEmail, c.Status });
            e.HasIndex(c => new { c.IpAddress, c.Status });
            e.HasIndex(c => new { c.AuthorName, c.Status });
            e.Property(c => c.AuthorName).HasMaxLength(100);
            e.Property(c => c.EditKeyHash).HasMaxLength(64);
            e.Property(c => c.AuthorEmail).HasMaxLength(254);
            e.Property(c => c.AuthorUrl).HasMaxLength(500);
            e.Property(c => c.IpAddress).HasMaxLength(45);
            e.Property(c => c.UserAgent).HasMaxLength(500);
            e.Property(c => c.ModerationReason).HasMaxLength(1000);
            e.Property(c => c.ModerationCategory).HasMaxLength(16);
            e.HasOne(c => c.Article).WithMany().OnDelete(DeleteBehavior.Cascade);
            e.HasOne(c => c.Parent).WithMany().OnDelete(DeleteBehavior.Restrict);
        });

        ConfigureDecisions(modelBuilder);

        modelBuilder.Entity<OutgoingMail>(e =>
        {
            e.HasIndex(m => new { m.Status, m.NextAttemptAt });
            e.Property(m => m.To).HasMaxLength(254);
            e.Property(m => m.Subject).HasMaxLength(300);
            e.Property(m => m.UnsubscribeUrl).HasMaxLength(2000);
            e.Property(m => m.LastError).HasMaxLength(1000);
        });

        modelBuilder.Entity<MailRecipient>(e =>
        {
            e.HasIndex(r => r.Address).IsUnique();
            e.Property(r => r.Address).HasMaxLength(254);
        });

        modelBuilder.Entity<CommentRevision>(e =>
        {
            e.HasIndex(r => r.CommentId);
            e.HasOne(r => r.Comment).WithMany().OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CommentVote>(e =>
        {
            e.HasIndex(v => new { v.CommentId, v.Voter }).IsUnique();
            e.Property(v => v.Voter).HasMaxLength(40);
            e.HasOne(v => v.Comment).WithMany().OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Linkback>(e =>
        {
            e.HasIndex(l => new { l.ArticleId, l.SourceUrl }).IsUnique();
            e.HasIndex(l => new { l.ArticleId, l.Status, l.ReceivedAt });
            e.Property(l => l.SourceUrl).HasMaxLength(2000);
            e.Property(l => l.Title).HasMaxLength(300);
            e.Property(l => l.Excerpt).HasMaxLength(1000);
            e.Property(l => l.SiteName).HasMaxLength(200);
            e.HasOne(l => l.Article).WithMany().OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<OutgoingLinkback>(e =>
        {
            e.HasIndex(l => new { l.ArticleId, l.TargetUrl }).IsUnique();
            e.HasIndex(l => new { l.Status, l.NextAttemptAt });
            e.Property(l => l.TargetUrl).HasMaxLength(2000);
            e.Property(l => l.SiteUrl).HasMaxLength(500);
            e.Property(l => l.Result).HasMaxLength(1000);
            e.HasOne(l => l.Article).WithMany().OnDelete(DeleteBehavior.Cascade);
        });
    }

    private static void ConfigureDecisions(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ModerationDecision>(e =>
        {
            e.HasIndex(d => d.CommentId);
            e.HasIndex(d => d.DecidedAt);
            e.Property(d => d.Category).HasMaxLength(16);
            e.Property(d => d.Moderator).HasMaxLength(254);
            e.Property(d => d.Note).HasMaxLength(1000);
            e.HasOne(d => d.Comment).WithMany().OnDelete(DeleteBehavior.Cascade);
        });

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
