using Masthead.Data.Entities;

namespace Masthead.Articles;

public sealed record AuthorRef(string Slug, string Name);

public sealed record TopicRef(string Slug, string Name);

/// <summary>An article as listed on the home, author, section and tag pages.</summary>
public sealed record ArticleSummary(
    int Id,
    string Slug,
    string Title,
    string Standfirst,
    DateTime PublishedAt,
    IReadOnlyList<AuthorRef> Authors,
    TopicRef? Section,
    int CommentCount);

public sealed record ArticlePage(IReadOnlyList<ArticleSummary> Items, int PageNumber, bool HasNext)
{
    public bool HasPrevious => PageNumber > 1;
}

/// <summary>The outcome of looking an article up by the slug in its URL.</summary>
public abstract record ArticleLookup
{
    private ArticleLookup()
    {
    }

    public sealed record Found(Article Article) : ArticleLookup;

    /// <summary>The slug is a former one; answer 301 to the current slug.</summary>
    public sealed record Moved(string CurrentSlug) : ArticleLookup;

    /// <summary>The article was taken down; answer 410.</summary>
    public sealed record Gone : ArticleLookup;

    public sealed record NotFound : ArticleLookup;
}
