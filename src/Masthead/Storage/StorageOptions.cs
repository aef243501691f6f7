using System.ComponentModel.DataAnnotations;

namespace Masthead.Storage;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Bound from the "Masthead" section: where data lives and which database holds it.</summary>
public sealed class StorageOptions
{
    public const string Section = "Masthead";

    /// <summary>Folder for the SQLite file and other local data. Relative paths are taken from the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    public DatabaseOptions Database { get; set; } = new();
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Required for PostgreSQL. For SQLite it defaults to masthead.db in the data directory.
    /// </summary>
    public string? ConnectionString { get; set; }
}
