namespace Masthead.Mail;

public static class MailSetup
{
    /// <summary>The mail queue and its worker, the discussion's messages, and the pages their links open.</summary>
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>()
            .Bind(builder.Configuration.GetSection(MailOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<MailTokens>();
        builder.Services.AddSingleton<MailSignal>();
        builder.Services.AddScoped<MailOutbox>();
        builder.Services.AddScoped<DiscussionMail>();
        builder.Services.AddHostedService<MailWorker>();
        builder.Services.AddHttpContextAccessor();
        return builder;
    }
}
