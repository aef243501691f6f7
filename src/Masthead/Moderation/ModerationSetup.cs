namespace Masthead.Moderation;

public static class ModerationSetup
{
    public static IHostApplicationBuilder AddModeration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ICommentModerator, ReturningCommenterModerator>();
        return builder;
    }
}
