using Masthead.Data;
using Masthead.Data.Entities;
using Masthead.Discussion;
using Masthead.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masthead.Newsroom.Settings;

public sealed record SettingsSaveResult(bool Saved, bool Conflict, IReadOnlyList<string> Errors);

/// <summary>Reads and saves the discussion settings: validated, versioned, audit-logged, in effect at once.</summary>
public sealed class SettingsEditor(
    MastheadDbContext db,
    SettingsStore store,
    IOptionsMonitor<DiscussionOptions> discussion,
    IOptionsMonitor<ModerationOptions> moderation,
    Site.IPageCache pageCache,
    TimeProvider clock)
{
    public async Task<(DiscussionSettings Settings, int Version)> LoadAsync(CancellationToken cancellationToken)
    {
        var row = await db.StoredSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Name == DiscussionSettings.Name, cancellationToken);
        var settings = (row is null ? null : SettingsStore.Deserialize(row.Json))
                       ?? DiscussionSettings.From(discussion.CurrentValue, moderation.CurrentValue);
        return (settings, row?.Version ?? 0);
    }

    public async Task<SettingsSaveResult> SaveAsync(DiscussionSettings settings, int expectedVersion, string by, CancellationToken cancellationToken)
    {
        var errors = settings.Validate(moderation.CurrentValue);
        if (errors.Count > 0)
        {
            return new SettingsSaveResult(false, false, errors);
        }

        var (before, _) = await LoadAsync(cancellationToken);
        var row = await db.StoredSettings.FirstOrDefaultAsync(s => s.Name == DiscussionSettings.Name, cancellationToken);
        if ((row?.Version ?? 0) != expectedVersion)
        {
            return new SettingsSaveResult(false, true, ["Someone else changed the settings while you were editing them. Reload the page to see their version."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var json = SettingsStore.Serialize(settings);
        if (row is null)
        {
            row = new StoredSettings { Name = DiscussionSettings.Name, Json = json, UpdatedBy = by };
            db.StoredSettings.Add(row);
        }

        row.Json = json;
        row.Version = expectedVersion + 1;
        row.UpdatedAt = now;
        row.UpdatedBy = by;
        db.SettingsChanges.Add(new SettingsChange
        {
            Name = DiscussionSettings.Name, ChangedAt = now, ChangedBy = by, Before = SettingsStore.Serialize(before), After = json,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException or DbUpdateException)
        {
            return new SettingsSaveResult(false, true, ["Someone else changed the settings at the same moment. Reload the page to see their version."]);
        }

        store.Set(settings);

        // Depth and closing change what article pages show.
        pageCache.Invalidate();
        return new SettingsSaveResult(true, false, []);
    }

    public Task<List<SettingsChange>> HistoryAsync(int count, CancellationToken cancellationToken) =>
        db.SettingsChanges.AsNoTracking().Where(c => c.Name == DiscussionSettings.Name)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(count).ToListAsync(cancellationToken);
}
