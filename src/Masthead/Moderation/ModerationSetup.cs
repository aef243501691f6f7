using Masthead.Moderation;
using Microsoft.Extensions.Options;

namespace Masthead.Moderation;

public static class ModerationSetup
{
    public const string Section = "Masthead:Moderation";

    public static IHostApplicationBuilder AddModeration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ModerationOptions>()
            .Bind(builder.Configuration.GetSection(Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ModerationOptions>, ModerationOptionsValidator>();

        // Trained once at start from the shipped examples, then kept learning for the life of the process.
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<ModerationOptions>>();
            var engine = ModerationEngine.CreateDefault(options.CurrentValue, sp.GetRequiredService<TimeProvider>());

            // Settings saved in the newsroom reach the engine at once; what it learned is kept.
            options.OnChange(engine.Reconfigure);
            return engine;
        });
        builder.Services.AddScoped<ICommentModerator, EngineModerator>();
        builder.Services.AddScoped<ModerationDecisions>();
        builder.Services.AddScoped<Queue.ModerationQueue>();
        builder.Services.AddScoped<Queue.LinkbackModeration>();
        builder.Services.AddSingleton<LearningQueue>();
        builder.Services.AddHostedService<LearningWorker>();
        return builder;
    }
}

/// <summary>Reports every problem in the engine's options at start-up, naming the setting.</summary>
public sealed class ModerationOptionsValidator : IValidateOptions<ModerationOptions>
{
    public ValidateOptionsResult Validate(string? name, ModerationOptions options) =>
        options.Validate() is { Count: > 0 } errors
            ? ValidateOptionsResult.Fail(errors.Select(e => $"{ModerationSetup.Section}:{e}"))
            : ValidateOptionsResult.Success;
}
