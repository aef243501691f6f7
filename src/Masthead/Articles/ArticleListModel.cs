namespace Masthead.Articles;

/// <summary>A page of articles and how to link to its neighbours.</summary>
public sealed record ArticleListModel(ArticlePage Page, string BasePath)
{
    public string PageUrl(int page) => page <= 1 ? BasePath : $"{BasePath}?page={page}";
}

public static class Plural
{
    public static string Comments(int count) => count switch
    {
        0 => "No comments",
        1 => "1 comment",
        _ => $"{count:N0} comments",
    };
}
