namespace Masthead.Linkbacks;

public static class LinkbacksSetup
{
    /// <summary>Receiving webmentions and pingbacks, sending them for published articles, and fetching other sites' pages safely.</summary>
    public static IHostApplicationBuilder AddLinkbacks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LinkbackOptions>()
            .Bind(builder.Configuration.GetSection(LinkbackOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SafeFetcher>();
        builder.Services.AddSingleton<VerificationQueue>();
        builder.Services.AddScoped<LinkbackVerifier>();
        builder.Services.AddHostedService<VerificationWorker>();
        builder.Services.AddScoped<Sending.LinkbackOutbox>();
        builder.Services.AddScoped<Sending.LinkbackSender>();
        builder.Services.AddSingleton<Sending.SendingSignal>();
        builder.Services.AddHostedService<Sending.SendingWorker>();
        builder.Services.AddSingleton<SourceHostLimiter>();
        builder.Services.AddWebmentionRateLimit();

        // Pages in windows-1251, koi8-r or latin-1 are read in their own encoding.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        return builder;
    }

    public static WebApplication MapLinkbacks(this WebApplication app) => app.MapWebmention().MapPingback();
}
