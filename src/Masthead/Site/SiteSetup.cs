using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.WebEncoders;

namespace Masthead.Site;

public static class SiteSetup
{
    /// <summary>The reader site's frame: pages, publication, anti-forgery, keys, page cache, start-up tasks.</summary>
    public static IHostApplicationBuilder AddSite(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<PublicationOptions>().Bind(builder.Configuration.GetSection(PublicationOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PageCacheOptions>().Bind(builder.Configuration.GetSection(PageCacheOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<SiteContext>();
        services.AddScoped<PublicationStore>();
        services.AddSingleton<PageCache>();
        services.AddSingleton<IPageCache>(sp => sp.GetRequiredService<PageCache>());
        services.AddSingleton<StartupTasks>();
        services.AddHostedService(sp => sp.GetRequiredService<StartupTasks>());
        services.AddHttpContextAccessor();

        // Keys live beside the data so that cookies survive a restart.
        services.AddDataProtection()
            .SetApplicationName("Masthead")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(
                Path.GetFullPath(builder.Configuration["Masthead:DataDirectory"] ?? "./data"), "keys")));

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "mh_csrf";
            o.FormFieldName = "__csrf";
            o.HeaderName = "X-CSRF-Token";
        });

        // Write é, “ ” and Cyrillic as themselves rather than as numeric entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o => o.RootDirectory = "/");

        // Serve wwwroot from the source tree when running from a build rather than a publish, in
        // every environment (a no-op in published output, which carries its own wwwroot).
        if (builder is WebApplicationBuilder web)
        {
            web.WebHost.UseStaticWebAssets();
        }

        return builder;
    }

    public static WebApplication UseSite(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();
        app.UseRouting();
        app.UseMiddleware<PageCacheMiddleware>();
        return app;
    }

    public static WebApplication MapSite(this WebApplication app)
    {
        // Static assets as endpoints from the build manifest: no disk look-up on other requests.
        app.MapStaticAssets();
        app.MapRazorPages();
        return app;
    }
}
