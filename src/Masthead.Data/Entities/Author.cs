namespace Masthead.Data.Entities;

public sealed class Author
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string Bio { get; set; } = "";
    public string? AvatarUrl { get; set; }

    /// <summary>X (Twitter) handle without the leading @.</summary>
    public string? XHandle { get; set; }
    public string? WebsiteUrl { get; set; }
    public string? MastodonUrl { get; set; }

    public List<ArticleAuthor> Articles { get; set; } = [];
}
