namespace EcoDrive.Storage.InMemory;

/// <summary>One table of the in-memory database: immutable snapshots by key, each with the version it was written at.</summary>
/// <remarks>Read and written only under <see cref="InMemoryDatabase.Gate"/>.</remarks>
internal sealed class InMemoryTable<TKey, TSnapshot>(string name)
    where TKey : notnull
{
    private readonly Dictionary<TKey, (long Version, TSnapshot Snapshot)> _rows = [];

    public string Name { get; } = name;

    public IEnumerable<(TKey Key, long Version, TSnapshot Snapshot)> Rows => _rows.Select(r => (r.Key, r.Value.Version, r.Value.Snapshot));

    public bool TryGet(TKey key, out long version, out TSnapshot snapshot)
    {
        var found = _rows.TryGetValue(key, out var row);
        (version, snapshot) = row;
        return found;
    }

    public long VersionOf(TKey key) => _rows.TryGetValue(key, out var row) ? row.Version : 0;

    public void Put(TKey key, long version, TSnapshot snapshot) => _rows[key] = (version, snapshot);
}
