using Masthead.Data.Entities;

namespace Masthead.Articles;

/// <summary>An author's box; <paramref name="HeadingLevel"/> 3 adds the linked name as a heading, 0 leaves it to the page.</summary>
public sealed record AuthorCardModel(Author Author, int HeadingLevel = 3)
{
    public string Initials => string.Concat(Author.Name
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Where(w => char.IsLetter(w[0]))
        .Take(2)
        .Select(w => char.ToUpperInvariant(w[0])));
}
