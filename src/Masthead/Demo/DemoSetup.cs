namespace Masthead.Demo;

public static class DemoSetup
{
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.Section)).ValidateOnStart();
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddScoped<DemoCommentGenerator>();
        return builder;
    }
}
