namespace EcoDrive.Storage.Sqlite;

/// <summary>Where and how the SQLite adapter keeps its data.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>
    /// Path of the database file; created with its folder when missing. Required. The file is put in WAL mode, so
    /// <c>-wal</c> and <c>-shm</c> files appear beside it while it is open.
    /// </summary>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>
    /// When a commit is on disk: <see cref="SqliteDurability.Full"/> (the default) syncs the log at each commit, so a
    /// committed invoice survives a power cut; <see cref="SqliteDurability.Normal"/> syncs at checkpoints only: still
    /// safe from a crash of the process, much faster, but the last commits can be lost on a power cut.
    /// </summary>
    public SqliteDurability Durability { get; set; } = SqliteDurability.Full;

    /// <summary>How long a unit of work waits for another one's write lock before failing. Default 30 seconds.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The page size, in bytes, of a database file created by <see cref="SqliteStorage.EnsureSchemaAsync"/>: a power of
    /// two from 512 to 65,536. Default 4,096 (SQLite's), the cheapest for many small commits. Larger pages (16,384)
    /// hold more of the JSON documents per page and make bulk imports faster: fewer pages to write, log and checkpoint.
    /// A file that already exists keeps the page size it was created with.
    /// </summary>
    public int PageSize { get; set; } = 4_096;
}

/// <summary>SQLite's <c>synchronous</c> setting, as a durability choice.</summary>
public enum SqliteDurability
{
    /// <summary>Sync the write-ahead log at every commit (<c>PRAGMA synchronous = FULL</c>).</summary>
    Full = 0,

    /// <summary>Sync at checkpoints only (<c>PRAGMA synchronous = NORMAL</c>); a process crash loses nothing.</summary>
    Normal = 1,
}
