namespace Masthead.Data.Entities;

public enum ArticleStatus
{
    Draft = 0,
    Scheduled = 1,
    Published = 2,

    /// <summary>Taken down after publication: its URL answers 410 Gone.</summary>
    Withdrawn = 3,
}

public sealed class Article
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string Standfirst { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";
    public ArticleStatus Status { get; set; }

    public int? SectionId { get; set; }
    public Section? Section { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the article went (or goes, if scheduled) live. UTC.</summary>
    public DateTime? PublishedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool CommentsEnabled { get; set; } = true;

    /// <summary>Goes up by one at every save; a save that expected another version is refused, so two editors never overwrite each other unseen.</summary>
    public int Version { get; set; }

    public List<ArticleAuthor> Authors { get; set; } = [];
    public List<Tag> Tags { get; set; } = [];
    public List<ArticleSlug> FormerSlugs { get; set; } = [];

    public bool IsLive(DateTime utcNow) =>
        PublishedAt is { } at && at <= utcNow &&
        (Status == ArticleStatus.Published || Status == ArticleStatus.Scheduled);
}

public static class ArticleQueryExtensions
{
    /// <summary>The database form of <see cref="Article.IsLive"/>: published, or scheduled and due.</summary>
    public static IQueryable<Article> Live(this IQueryable<Article> articles, DateTime utcNow) =>
        articles.Where(a =>
            (a.Status == ArticleStatus.Published || a.Status == ArticleStatus.Scheduled) &&
            a.PublishedAt != null && a.PublishedAt <= utcNow);
}

/// <summary>Join between an article and one of its authors, in byline order.</summary>
public sealed class ArticleAuthor
{
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public int AuthorId { get; set; }
    public Author Author { get; set; } = null!;
    public int Position { get; set; }
}

/// <summary>An article as it was after one save: what the revision history lists and can restore.</summary>
public sealed class ArticleRevision
{
    public long Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public int Version { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public string Standfirst { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";
    public DateTime SavedAt { get; set; }
    public required string SavedBy { get; set; }
}

/// <summary>A slug an article was published under before; it redirects to the current one.</summary>
public sealed class ArticleSlug
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
}
