using System.Text.Json;
using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Discussion;
using Masthead.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Masthead.Newsroom.Settings;

/// <summary>
/// The stored discussion settings of this process, and a change signal. The options system reads
/// them through <see cref="ApplyStoredSettings"/>, so every <c>IOptionsMonitor</c> consumer (the
/// comment form, the discussion, the moderation engine) sees a saved change on its next read.
/// </summary>
/// <remarks>Several servers behind one database each load the settings at start; a change made on
/// one reaches the others when they restart.</remarks>
public sealed class SettingsStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private DiscussionSettings? _current;
    private CancellationTokenSource _changed = new();

    public DiscussionSettings? Current => Volatile.Read(ref _current);

    public IChangeToken ChangeToken => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    public static string Serialize(DiscussionSettings settings) => JsonSerializer.Serialize(settings, Json);

    public static DiscussionSettings? Deserialize(string json) => JsonSerializer.Deserialize<DiscussionSettings>(json, Json);

    /// <summary>Reads the stored settings, if an admin ever saved any.</summary>
    public async Task LoadAsync(MastheadDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.StoredSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Name == DiscussionSettings.Name, cancellationToken);
        Set(row is null ? null : Deserialize(row.Json));
    }

    public void Set(DiscussionSettings? settings)
    {
        Volatile.Write(ref _current, settings);
        var previous = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
        previous.Cancel();
        previous.Dispose();
    }
}

/// <summary>Lays the stored settings over the configuration files' values.</summary>
public sealed class ApplyStoredSettings(SettingsStore store) : IConfigureOptions<DiscussionOptions>, IConfigureOptions<ModerationOptions>
{
    public void Configure(DiscussionOptions options) => store.Current?.ApplyTo(options);

    public void Configure(ModerationOptions options) => store.Current?.ApplyTo(options);
}

/// <summary>Tells the options system to rebuild <typeparamref name="T"/> when the settings change.</summary>
public sealed class StoredSettingsChangeSource<T>(SettingsStore store) : IOptionsChangeTokenSource<T>
{
    public string? Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => store.ChangeToken;
}
