using System.Text.Json;

namespace EcoDrive.Storage.Sql;

/// <summary>
/// Where one aggregate kind is stored: a table with its id, a version for optimistic concurrency, the JSON snapshot
/// (<c>doc</c>), and the few columns extracted from the snapshot that queries and indexes need. Optionally child rows
/// (e.g. invoice lines) rewritten with the aggregate, for queries that need one row per line.
/// </summary>
internal abstract class SqlTable(string name, string kind)
{
    /// <summary>The table's name.</summary>
    public string Name { get; } = name;

    /// <summary>The aggregate kind, for error messages (<c>customer</c>, <c>stock</c>).</summary>
    public string Kind { get; } = kind;
}

/// <summary>A column extracted from a snapshot.</summary>
/// <typeparam name="TSnapshot">The snapshot type.</typeparam>
/// <param name="Name">The column name.</param>
/// <param name="Value">Its value for a snapshot: a string, number, <see cref="Guid"/>, <see cref="DateTimeOffset"/> or null.</param>
internal sealed record SqlColumn<TSnapshot>(string Name, Func<TSnapshot, object?> Value);

/// <summary>Rows of a child table owned by an aggregate, deleted and rewritten whenever it is.</summary>
/// <typeparam name="TSnapshot">The owner's snapshot type.</typeparam>
/// <param name="Table">The child table; its first column <c>owner_id</c> is the owner's id.</param>
/// <param name="Columns">The other columns.</param>
/// <param name="Rows">The values of <paramref name="Columns"/>, one array per row.</param>
internal sealed record SqlChildRows<TSnapshot>(string Table, IReadOnlyList<string> Columns, Func<TSnapshot, IEnumerable<object?[]>> Rows);

/// <summary>The table of one aggregate kind, with the SQL to read and write it.</summary>
/// <typeparam name="TKey">The aggregate's id type.</typeparam>
/// <typeparam name="TSnapshot">The aggregate's snapshot type.</typeparam>
internal sealed class SqlTable<TKey, TSnapshot> : SqlTable
    where TKey : struct, IEntityId<TKey>
{
    private readonly IReadOnlyList<SqlColumn<TSnapshot>> _columns;
    private readonly SqlChildRows<TSnapshot>? _children;
    private readonly string _insert;
    private readonly string _update;
    private readonly string? _deleteChildren;
    private readonly string? _insertChild;

    public SqlTable(string name, string kind, IReadOnlyList<SqlColumn<TSnapshot>> columns, SqlChildRows<TSnapshot>? children = null)
        : base(name, kind)
    {
        _columns = columns;
        _children = children;
        var names = columns.Select(c => c.Name).ToArray();
        _insert = $"INSERT INTO {name} (id, version, doc{string.Concat(names.Select(n => ", " + n))}) " +
                  $"VALUES (@id, 1, @doc{string.Concat(names.Select(n => ", @" + n))})";
        _update = $"UPDATE {name} SET version = version + 1, doc = @doc{string.Concat(names.Select(n => $", {n} = @{n}"))} " +
                  "WHERE id = @id AND version = @version";
        if (children is not null)
        {
            _deleteChildren = $"DELETE FROM {children.Table} WHERE owner_id = @id";
            _insertChild = $"INSERT INTO {children.Table} (owner_id, {string.Join(", ", children.Columns)}) " +
                           $"VALUES (@id, {string.Join(", ", children.Columns.Select(c => "@" + c))})";
        }
    }

    /// <summary>Selects <c>id, version, doc</c>; append a <c>WHERE</c> clause.</summary>
    public string Select => $"SELECT id, version, doc FROM {Name}";

    public static Guid KeyValue(TKey key) => key.Value;

    public static TKey Key(Guid value) => TKey.From(value);

    public static string Serialize(TSnapshot snapshot) => JsonSerializer.Serialize(snapshot, EcoDriveJson.Options);

    public TSnapshot Deserialize(string doc) =>
        JsonSerializer.Deserialize<TSnapshot>(doc, EcoDriveJson.Options)
        ?? throw new InvalidOperationException($"The {Kind} document in table {Name} is empty.");

    /// <summary>
    /// New rows for a bulk insert: the aggregates at version 1 with their documents and extracted columns, serialised
    /// as they are enumerated (on the writer's serialising thread).
    /// </summary>
    public SqlBulkRows BulkRows(IReadOnlyList<(TKey Key, TSnapshot Snapshot)> rows) =>
        new(
            Kind,
            Name,
            ["id", "version", "doc", .. _columns.Select(c => c.Name)],
            rows.Count,
            rows.Select(row =>
            {
                var values = new object?[3 + _columns.Count];
                values[0] = row.Key.Value;
                values[1] = 1L;
                values[2] = new SqlJson(JsonSerializer.SerializeToUtf8Bytes(row.Snapshot, EcoDriveJson.Options));
                for (var i = 0; i < _columns.Count; i++)
                {
                    values[3 + i] = _columns[i].Value(row.Snapshot);
                }

                return values;
            }));

    /// <summary>The child rows (invoice lines) of new aggregates for a bulk insert, or <see langword="null"/> when the table has none.</summary>
    public SqlBulkRows? BulkChildRows(IReadOnlyList<(TKey Key, TSnapshot Snapshot)> rows) =>
        _children is not { } children
            ? null
            : new(
                Kind,
                children.Table,
                ["owner_id", .. children.Columns],
                null,
                rows.SelectMany(row => children.Rows(row.Snapshot).Select(child => (object?[])[row.Key.Value, .. child])));

    /// <summary>Inserts a new aggregate at version 1; a taken id is a lost race.</summary>
    public async Task InsertAsync(SqlSession session, TKey key, TSnapshot snapshot, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(_insert, Parameters(key, snapshot, null), cancellationToken).ConfigureAwait(false);
        await WriteChildrenAsync(session, key, snapshot, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Updates an aggregate read at <paramref name="expectedVersion"/>; returns false when it changed since.</summary>
    public async Task<bool> UpdateAsync(SqlSession session, TKey key, long expectedVersion, TSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (await session.ExecuteAsync(_update, Parameters(key, snapshot, expectedVersion), cancellationToken).ConfigureAwait(false) != 1)
        {
            return false;
        }

        if (_deleteChildren is not null)
        {
            await session.ExecuteAsync(_deleteChildren, [("id", key.Value)], cancellationToken).ConfigureAwait(false);
        }

        await WriteChildrenAsync(session, key, snapshot, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private SqlParameters Parameters(TKey key, TSnapshot snapshot, long? expectedVersion)
    {
        SqlParameters parameters = [("id", key.Value), ("doc", new SqlJson(Serialize(snapshot)))];
        if (expectedVersion is { } version)
        {
            parameters.Add("version", version);
        }

        foreach (var column in _columns)
        {
            parameters.Add(column.Name, column.Value(snapshot));
        }

        return parameters;
    }

    private async Task WriteChildrenAsync(SqlSession session, TKey key, TSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (_children is null)
        {
            return;
        }

        foreach (var row in _children.Rows(snapshot))
        {
            SqlParameters parameters = [("id", key.Value)];
            for (var i = 0; i < _children.Columns.Count; i++)
            {
                parameters.Add(_children.Columns[i], row[i]);
            }

            await session.ExecuteAsync(_insertChild!, parameters, cancellationToken).ConfigureAwait(false);
        }
    }
}
