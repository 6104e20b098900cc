using System.Data.Common;

namespace EcoDrive.Storage.Sql;

/// <summary>Parameters of one statement, by name (without the <c>@</c>).</summary>
internal sealed class SqlParameters : List<(string Name, object? Value)>
{
    public static SqlParameters None => [];

    public void Add(string name, object? value) => Add((name, value));
}

/// <summary>One row of a query result, read through the dialect's conversions.</summary>
internal readonly struct SqlRow(DbDataReader reader, SqlDialect dialect)
{
    public bool IsNull(int ordinal) => reader.IsDBNull(ordinal);

    public string String(int ordinal) => reader.GetString(ordinal);

    public string? NullableString(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public long Int64(int ordinal) => reader.GetInt64(ordinal);

    public int Int32(int ordinal) => reader.GetInt32(ordinal);

    public Guid Guid(int ordinal) => dialect.ReadGuid(reader, ordinal);

    public Guid? NullableGuid(int ordinal) => reader.IsDBNull(ordinal) ? null : dialect.ReadGuid(reader, ordinal);

    public DateTimeOffset Instant(int ordinal) => dialect.ReadInstant(reader, ordinal);

    public DateTimeOffset? NullableInstant(int ordinal) => reader.IsDBNull(ordinal) ? null : dialect.ReadInstant(reader, ordinal);
}

/// <summary>
/// A connection, opened on first use, and the write transaction when one is open: every statement of a unit of work
/// (or of a one-off read) runs through here, in that transaction if there is one.
/// </summary>
/// <param name="engine">The adapter.</param>
/// <param name="checkSchema">Whether the first connection checks the schema version (not for schema maintenance).</param>
internal sealed class SqlSession(SqlStorageEngine engine, bool checkSchema = true) : IAsyncDisposable, IDisposable
{
    private DbConnection? _connection;
    private DbTransaction? _transaction;
    private WriteGate? _gate;

    public SqlDialect Dialect => engine.Dialect;

    public bool InTransaction => _transaction is not null;

    public async Task BeginWriteAsync(CancellationToken cancellationToken)
    {
        if (_transaction is null)
        {
            var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
            if (Dialect.WriteGate is { } gate)
            {
                await gate.EnterAsync(cancellationToken).ConfigureAwait(false);
                _gate = gate;
            }

            try
            {
                _transaction = await Dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                LeaveGate();
                throw;
            }
        }
    }

    public async Task CommitAsync()
    {
        if (_transaction is { } transaction)
        {
            _transaction = null;
            try
            {
                await using (transaction.ConfigureAwait(false))
                {
                    // Never cancelled: once COMMIT is sent, the caller must learn whether it happened.
                    await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
            finally
            {
                LeaveGate();
            }
        }
    }

    public async Task RollbackAsync()
    {
        if (_transaction is { } transaction)
        {
            _transaction = null;
            await using (transaction.ConfigureAwait(false))
            {
                try
                {
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                }
                catch (DbException)
                {
                    // The engine already rolled back (a failed statement can abort the transaction); nothing was written.
                }
                catch (InvalidOperationException)
                {
                    // The transaction had already completed on a broken connection; nothing was written.
                }
                finally
                {
                    LeaveGate();
                }
            }
        }
    }

    public async Task<int> ExecuteAsync(string sql, SqlParameters parameters, CancellationToken cancellationToken)
    {
        var command = await CommandAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs statements whose results nobody reads, in one round trip where the driver batches (<see cref="DbBatch"/>, as
    /// Npgsql does), else one after the other.
    /// </summary>
    public async Task ExecuteAllAsync(IReadOnlyList<(string Sql, SqlParameters Parameters)> statements, CancellationToken cancellationToken)
    {
        if (statements.Count == 0)
        {
            return;
        }

        var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (statements.Count == 1 || !connection.CanCreateBatch)
        {
            foreach (var (sql, parameters) in statements)
            {
                await ExecuteAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var batch = connection.CreateBatch();
        await using (batch.ConfigureAwait(false))
        {
            batch.Transaction = _transaction;
            foreach (var (sql, parameters) in statements)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                Bind(command.Parameters, command.CreateParameter, parameters);
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<object?> ScalarAsync(string sql, SqlParameters parameters, CancellationToken cancellationToken)
    {
        var command = await CommandAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is DBNull ? null : value;
        }
    }

    public async Task<List<T>> QueryAsync<T>(string sql, SqlParameters parameters, Func<SqlRow, T> read, CancellationToken cancellationToken)
    {
        var command = await CommandAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var rows = new List<T>();
                var row = new SqlRow(reader, Dialect);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(read(row));
                }

                return rows;
            }
        }
    }

    /// <summary>
    /// A command with parameters <c>@p0</c> … <c>@p{count − 1}</c>, prepared on the connection (in the write transaction
    /// if there is one), to execute many times with new values set through <see cref="SqlDialect.Bind"/>.
    /// </summary>
    public async Task<DbCommand> PrepareAsync(string sql, int parameterCount, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        for (var i = 0; i < parameterCount; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"@p{i}");
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        await RollbackAsync().ConfigureAwait(false);
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        // A scope disposed synchronously: dropping an open transaction rolls it back.
        _transaction?.Dispose();
        _transaction = null;
        LeaveGate();
        _connection?.Dispose();
        _connection = null;
    }

    private void LeaveGate()
    {
        _gate?.Release();
        _gate = null;
    }

    /// <summary>The session's connection, opened on first use.</summary>
    public async ValueTask<DbConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        _connection ??= checkSchema
            ? await engine.OpenAsync(cancellationToken).ConfigureAwait(false)
            : await engine.Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);

    private async Task<DbCommand> CommandAsync(string sql, SqlParameters parameters, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        Bind(command.Parameters, command.CreateParameter, parameters);
        return command;
    }

    /// <summary>Adds one parameter per name, its value bound through the dialect, to a command's or a batch command's parameters.</summary>
    private void Bind(DbParameterCollection target, Func<DbParameter> create, SqlParameters parameters)
    {
        foreach (var (name, value) in parameters)
        {
            var parameter = create();
            parameter.ParameterName = name;
            Dialect.Bind(parameter, value);
            target.Add(parameter);
        }
    }
}
