using System.Text.Json;
using EcoDrive.Integration.Messaging;

namespace EcoDrive.Storage.Sql;

/// <summary>The committed outbox, a table read by the dispatcher; each call is one short statement on its own connection.</summary>
internal sealed class SqlOutboxStore(SqlStorageEngine engine) : IOutboxStore
{
    public async Task<IReadOnlyList<OutboxEntry>> GetDueAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var session = engine.OpenSession();
        await using (session.ConfigureAwait(false))
        {
            return await session.QueryAsync(
                "SELECT type, payload, attempts, next_attempt_at, last_error FROM outbox " +
                "WHERE next_attempt_at IS NULL OR next_attempt_at <= @now ORDER BY position LIMIT @max",
                [("now", now), ("max", maxCount)],
                r => new OutboxEntry(
                    (IntegrationMessage)JsonSerializer.Deserialize(r.String(1), OutboxMessageType.Resolve(r.String(0)), EcoDriveJson.Options)!,
                    r.Int32(2),
                    r.NullableInstant(3),
                    r.NullableString(4)),
                cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken = default)
    {
        var session = engine.OpenSession();
        await using (session.ConfigureAwait(false))
        {
            var count = await session.ScalarAsync("SELECT COUNT(*) FROM outbox", SqlParameters.None, cancellationToken).ConfigureAwait(false);
            return Convert.ToInt32(count, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

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

    private async Task ExecuteAsync(string sql, SqlParameters parameters, CancellationToken cancellationToken)
    {
        var session = engine.OpenSession();
        await using (session.ConfigureAwait(false))
        {
            await session.ExecuteAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
        }
    }
}
