namespace EcoDrive.Core;

/// <summary>
/// One use case's changes: aggregates added or updated through repositories and messages written to the outbox
/// are committed together, or not at all. A storage adapter registers one per DI scope.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>Commits every staged change atomically.</summary>
    /// <param name="cancellationToken">Cancels the commit; nothing is written then.</param>
    /// <exception cref="ConcurrencyConflictException">An updated aggregate was changed by another unit of work since it was read; nothing was written.</exception>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
