namespace Masthead.Articles;

public static class ArticlesSetup
{
    public static IHostApplicationBuilder AddArticles(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ArticleMarkdown>();
        builder.Services.AddScoped<ArticleQueries>();
        return builder;
    }
}
