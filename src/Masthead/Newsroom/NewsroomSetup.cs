using Masthead.Data;
using Masthead.Discussion;
using Masthead.Moderation;
using Masthead.Data.Entities;
using Masthead.Newsroom.Accounts;
using Masthead.Newsroom.Editor;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Masthead.Newsroom;

public static class NewsroomSetup
{
    public const string CookieName = "mh_staff";
    public const string PathPrefix = "/newsroom";

    /// <summary>Staff accounts (ASP.NET Core Identity on the site's database), the role policies, and the newsroom's own services.</summary>
    public static IHostApplicationBuilder AddNewsroom(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ArticleImporter>();
        services.AddScoped<Editor.ArticleWriter>();
        services.AddScoped<Editor.EditorAccess>();
        services.AddScoped<Dashboard.DashboardQueries>();

        // Discussion settings saved in the newsroom, laid over the configuration files' values.
        services.AddSingleton<Settings.SettingsStore>();
        services.AddSingleton<Settings.ApplyStoredSettings>();
        services.AddSingleton<IConfigureOptions<DiscussionOptions>>(sp => sp.GetRequiredService<Settings.ApplyStoredSettings>());
        services.AddSingleton<IConfigureOptions<ModerationOptions>>(sp => sp.GetRequiredService<Settings.ApplyStoredSettings>());
        services.AddSingleton<IOptionsChangeTokenSource<DiscussionOptions>, Settings.StoredSettingsChangeSource<DiscussionOptions>>();
        services.AddSingleton<IOptionsChangeTokenSource<ModerationOptions>, Settings.StoredSettingsChangeSource<ModerationOptions>>();
        services.AddScoped<Settings.SettingsEditor>();
        services.AddScoped<AuthorImporter>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<Authors.AuthorWriter>();
        services.AddSingleton<Authors.AvatarStore>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<StaffUser>(o =>
            {
                // Length over composition rules, as current guidance (NIST SP 800-63B) has it.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<MastheadDbContext>()
            .AddSignInManager();

        // A changed role or a sign-out elsewhere reaches open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

            // Readers' pages never carry the staff cookie, so they stay cacheable and anonymous.
            o.Cookie.Path = PathPrefix;
            o.LoginPath = PathPrefix + "/signin";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.Events = new CookieAuthenticationEvents
            {
                // A signed-in member of staff asking for another role's page gets a plain 403, and
                // API callers get status codes rather than redirects to an HTML form.
                OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                },
                OnRedirectToLogin = context =>
                {
                    if (context.Request.Path.StartsWithSegments(PathPrefix + "/api", StringComparison.OrdinalIgnoreCase) ||
                        !HttpMethods.IsGet(context.Request.Method))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    }
                    else
                    {
                        context.Response.Redirect(context.RedirectUri);
                    }

                    return Task.CompletedTask;
                },
            };
        });

        services.AddAuthorizationBuilder().AddStaffPolicies();
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
        {
            // Every page under the newsroom requires a role unless it says otherwise (sign-in).
            o.Conventions.AuthorizeFolder("/Newsroom", StaffPolicies.Staff);
            o.Conventions.AllowAnonymousToPage("/Newsroom/Accounts/SignIn");
            o.Conventions.AuthorizeFolder("/Moderation/Queue", StaffPolicies.Moderate);
            o.Conventions.AuthorizeFolder("/Newsroom/Editor", StaffPolicies.Write);
            o.Conventions.AuthorizeFolder("/Newsroom/Settings", StaffPolicies.Administer);
            o.Conventions.AuthorizeFolder("/Newsroom/Users", StaffPolicies.Administer);
            o.Conventions.AddPageRoute("/Newsroom/Editor/ArticleEdit", PathPrefix + "/articles/new");
            o.Conventions.AuthorizeFolder("/Newsroom/Authors", StaffPolicies.ManageAuthors);
            o.Conventions.AddPageRoute("/Newsroom/Authors/AuthorEdit", PathPrefix + "/authors/new");
        });
        return builder;
    }

    /// <summary>Largest newsroom form accepted: a photo upload with its fields, or a long article.</summary>
    public const long MaxRequestBytes = Authors.AvatarStore.MaxUploadBytes + (256 * 1024);

    public static WebApplication UseNewsroom(this WebApplication app)
    {
        // An oversized newsroom form gets 413 and its error page before anything reads it.
        app.UseWhen(
            context => HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase),
            branch => branch.Use(async (context, next) =>
            {
                if (context.Request.ContentLength > MaxRequestBytes)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }

                if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = MaxRequestBytes;
                }

                try
                {
                    await next(context);
                }
                catch (BadHttpRequestException e) when (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = e.StatusCode;
                }
            }));
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapNewsroom(this WebApplication app)
    {
        app.MapEditor();

        // Uploaded author photos: only names this site gave them, always as JPEG, never sniffed.
        app.MapGet("/media/avatars/{file}", (string file, Authors.AvatarStore avatars) =>
            avatars.PathOf(file) is { } path && File.Exists(path)
                ? Results.File(path, "image/jpeg", enableRangeProcessing: false, lastModified: File.GetLastWriteTimeUtc(path))
                : Results.NotFound());
        return app;
    }
}
