namespace Masthead.Newsroom;

public static class NewsroomSetup
{
    public static IHostApplicationBuilder AddNewsroom(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ArticleImporter>();
        builder.Services.AddScoped<AuthorImporter>();
        return builder;
    }
}
