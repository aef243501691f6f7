namespace Masthead.Data.Entities;

/// <summary>
/// Settings editors change in the newsroom (discussion and moderation), stored as one JSON
/// document so new settings need no schema change. They override the configuration files' values.
/// </summary>
public sealed class StoredSettings
{
    public int Id { get; set; }

    /// <summary>What the document holds, e.g. "discussion".</summary>
    public required string Name { get; set; }
    public required string Json { get; set; }

    /// <summary>Goes up at every save; a save from an older version is refused.</summary>
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

/// <summary>One change to stored settings: the audit log of who changed what, and when.</summary>
public sealed class SettingsChange
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public DateTime ChangedAt { get; set; }
    public required string ChangedBy { get; set; }
    public required string Before { get; set; }
    public required string After { get; set; }
}
