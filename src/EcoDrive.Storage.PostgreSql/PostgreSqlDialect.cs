using System.Data;
using System.Data.Common;
using EcoDrive.Storage.Sql;
using Npgsql;
using NpgsqlTypes;

namespace EcoDrive.Storage.PostgreSql;

/// <summary>
/// PostgreSQL: ids as <c>uuid</c>, instants as <c>timestamptz</c>, documents as <c>jsonb</c>, connections from one
/// pooled data source whose search path is the adapter's schema, and write transactions at READ COMMITTED: a
/// conditional <c>UPDATE … WHERE version = @version</c> re-checks the row after waiting for a concurrent writer.
/// </summary>
internal sealed partial class PostgreSqlDialect : SqlDialect, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgreSqlDialect(PostgreSqlStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        InvalidInputException.ThrowIfNullOrWhiteSpace(options.ConnectionString, nameof(options.ConnectionString));
        InvalidInputException.ThrowIfNullOrWhiteSpace(options.Schema, nameof(options.Schema));
        if (!SchemaName().IsMatch(options.Schema))
        {
            throw new InvalidInputException(ErrorCodes.Input.InvalidFormat, $"'{options.Schema}' is not a plain PostgreSQL schema name: use lower-case letters, digits and underscores.", nameof(options));
        }

        Schema = options.Schema;
        ConnectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString) { SearchPath = options.Schema }.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public string Schema { get; }

    public string ConnectionString { get; }

    public override string EngineName => "PostgreSQL";

    public override string ClaimRows => " FOR UPDATE SKIP LOCKED";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    public override void Bind(DbParameter parameter, object? value)
    {
        switch (value)
        {
            case null:
                parameter.Value = DBNull.Value;
                break;
            case DateTimeOffset instant:
                parameter.Value = instant.ToUniversalTime();
                break;
            case SqlJson json:
                ((NpgsqlParameter)parameter).NpgsqlDbType = NpgsqlDbType.Jsonb;
                parameter.Value = json.Text;
                break;
            case SqlInstants instants:
                ((NpgsqlParameter)parameter).NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz;
                parameter.Value = instants.Values.Select(instant => instant.ToUniversalTime()).ToArray();
                break;
            default:
                parameter.Value = value;
                break;
        }
    }

    /// <summary>The array's elements with their position (from 1, made 0-based) and the next element.</summary>
    public override string BucketBoundsTable(string parameter) =>
        $"SELECT i, lo, hi FROM (SELECT (u.n - 1) AS i, u.lo, lead(u.lo) OVER (ORDER BY u.n) AS hi FROM unnest(@{parameter}) WITH ORDINALITY AS u(lo, n)) AS bounds WHERE hi IS NOT NULL";

    public override Guid ReadGuid(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);

    public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>Unique violation (an id or inbox mark taken), serialization failure or deadlock: the unit of work lost a race.</summary>
    public override bool IsLostRace(DbException error) =>
        error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SchemaName();
}
