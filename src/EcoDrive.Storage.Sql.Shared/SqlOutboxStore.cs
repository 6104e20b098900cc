using System.Globalization;
using System.Text.Json;
using EcoDrive.Application.Messaging;

namespace EcoDrive.Storage.Sql;

/// <summary>
/// The committed outbox, a table read by the dispatcher; each call is one short statement on its own connection, and a
/// write takes the engine's write turn like a unit of work.
/// </summary>
internal sealed class SqlOutboxStore(SqlStorageEngine engine) : IOutboxStore
{
    /// <summary>The due messages, oldest first (parameters <c>now</c> and <c>max</c>), as <see cref="ReadEntry"/> reads them.</summary>
    public const string SelectDue =
        "SELECT type, payload, attempts, next_attempt_at, last_error, parked_at FROM outbox " +
        "WHERE parked_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= @now) ORDER BY position LIMIT @max";

    private const string SelectParked =
        "SELECT type, payload, attempts, next_attempt_at, last_error, parked_at FROM outbox " +
        "WHERE parked_at IS NOT NULL ORDER BY position LIMIT @max";

    public static OutboxEntry ReadEntry(SqlRow row) => new(
        (IntegrationMessage)JsonSerializer.Deserialize(row.String(1), OutboxMessageType.Resolve(row.String(0)), EcoDriveJson.Options)!,
        row.Int32(2),
        row.NullableInstant(3),
        row.NullableString(4),
        row.NullableInstant(5));

    public Task<IReadOnlyList<OutboxEntry>> GetDueAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken = default)
    {
        InvalidInputException.ThrowIfNegativeOrZero(maxCount);
        return QueryAsync(SelectDue, [("now", now), ("max", maxCount)], cancellationToken);
    }

    public Task<IReadOnlyList<OutboxEntry>> GetParkedAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        InvalidInputException.ThrowIfNegativeOrZero(maxCount);
        return QueryAsync(SelectParked, [("max", maxCount)], cancellationToken);
    }

    public Task<int> CountPendingAsync(CancellationToken cancellationToken = default) =>
        CountAsync("SELECT COUNT(*) FROM outbox WHERE parked_at IS NULL", cancellationToken);

    public Task<int> CountParkedAsync(CancellationToken cancellationToken = default) =>
        CountAsync("SELECT COUNT(*) FROM outbox WHERE parked_at IS NOT NULL", cancellationToken);

    public Task MarkDeliveredAsync(Guid messageId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM outbox WHERE message_id = @id", [("id", messageId)], cancellationToken);

    public Task MarkFailedAsync(Guid messageId, string error, DateTimeOffset retryAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        return ExecuteAsync(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = @retry, last_error = @error WHERE message_id = @id",
            [("id", messageId), ("retry", retryAt), ("error", error)],
            cancellationToken);
    }

    public Task ParkAsync(Guid messageId, string error, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        return ExecuteAsync(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = NULL, last_error = @error, parked_at = @at WHERE message_id = @id",
            [("id", messageId), ("error", error), ("at", at)],
            cancellationToken);
    }

    public async Task<bool> RetryParkedAsync(Guid messageId, CancellationToken cancellationToken = default) =>
        await ExecuteAsync(
            "UPDATE outbox SET attempts = 0, next_attempt_at = NULL, parked_at = NULL WHERE message_id = @id AND parked_at IS NOT NULL",
            [("id", messageId)],
            cancellationToken).ConfigureAwait(false) > 0;

    public async Task<bool> DiscardParkedAsync(Guid messageId, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("DELETE FROM outbox WHERE message_id = @id AND parked_at IS NOT NULL", [("id", messageId)], cancellationToken)
            .ConfigureAwait(false) > 0;

    private async Task<IReadOnlyList<OutboxEntry>> QueryAsync(string sql, SqlParameters parameters, CancellationToken cancellationToken)
    {
        var session = engine.OpenSession();
        await using (session.ConfigureAwait(false))
        {
            return await session.QueryAsync(sql, parameters, ReadEntry, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<int> CountAsync(string sql, CancellationToken cancellationToken)
    {
        var session = engine.OpenSession();
        await using (session.ConfigureAwait(false))
        {
            var count = await session.ScalarAsync(sql, SqlParameters.None, cancellationToken).ConfigureAwait(false);
            return Convert.ToInt32(count, CultureInfo.InvariantCulture);
        }
    }

    private async Task<int> ExecuteAsync(string sql, SqlParameters parameters, CancellationToken cancellationToken)
    {
        var session = engine.OpenSession();
        await using (session.ConfigureAwait(false))
        {
            await session.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            var changed = await session.ExecuteAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync().ConfigureAwait(false);
            return changed;
        }
    }
}
