using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Application.Messaging;
using EcoDrive.Application.Ports;
using Microsoft.Extensions.Options;

namespace EcoDrive.Application.Access;

/// <summary>
/// The brief's troubleshooting checklist as an API ("a salesperson cannot see a customer's contact details"): checks
/// the user's permissions, the customer's record and the system's health, each with a verdict and what to fix.
/// </summary>
/// <remarks>
/// It answers for any user, so hosts should let users diagnose themselves and administrators diagnose others. When
/// the user may not read customers at all, the record check is not run, so the answer reveals nothing they could not see.
/// </remarks>
public sealed class AccessDiagnostics
{
    private const string PermissionsCheck = "permissions";
    private const string RecordCheck = "customer record";
    private const string SystemCheck = "system";

    private readonly UseCaseRunner<AccessDiagnosticsPorts> _runner;
    private readonly IAccessPolicy _access;
    private readonly IOutboxStore _outbox;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _stalledAfter;

    /// <summary>Creates the diagnostics; resolve it from DI (<c>AddEcoDrive</c>) rather than by hand.</summary>
    /// <param name="runner">Opens the scope of each read, with a fresh <see cref="AccessDiagnosticsPorts"/> (the ports it reads).</param>
    /// <param name="access">The access policy to question.</param>
    /// <param name="outbox">The committed outbox, to see whether the dispatcher keeps up.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">How long a message may wait before the flow counts as stalled (<see cref="AccessDiagnosticsOptions.StalledAfter"/>).</param>
    public AccessDiagnostics(UseCaseRunner<AccessDiagnosticsPorts> runner, IAccessPolicy access, IOutboxStore outbox, TimeProvider clock, IOptions<AccessDiagnosticsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _runner = runner;
        _access = access;
        _outbox = outbox;
        _clock = clock;
        _stalledAfter = options.Value.StalledAfter;
    }

    /// <summary>Explains whether, and why not, <paramref name="user"/> can see the contact details of <paramref name="customerId"/>.</summary>
    /// <param name="user">The user who cannot see the details.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    public async Task<AccessExplanation> ExplainContactAccessAsync(User user, CustomerId customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var permissions = CheckPermissions(user);
        var (storageReachable, record) = _access.IsGranted(user, Core.Access.Permissions.CustomersRead)
            ? await CheckRecordAsync(customerId, cancellationToken).ConfigureAwait(false)
            : (true, new AccessCheck(RecordCheck, CheckVerdict.NotChecked, $"Not checked: {user.Name} may not read customers at all.", "Fix the permissions first."));
        var system = await CheckSystemAsync(storageReachable, cancellationToken).ConfigureAwait(false);
        return new AccessExplanation(user.Name, customerId, permissions, record, system);
    }

    private AccessCheck CheckPermissions(User user)
    {
        var missing = new[] { Core.Access.Permissions.CustomersRead, Core.Access.Permissions.CustomersReadContact }
            .Where(p => !_access.IsGranted(user, p))
            .Select(p => $"'{p}'")
            .ToArray();
        return missing.Length == 0
            ? new AccessCheck(PermissionsCheck, CheckVerdict.Pass, $"{user.Name} ({user.Role}) holds 'customers.read' and 'customers.read-contact'.", string.Empty)
            : new AccessCheck(
                PermissionsCheck,
                CheckVerdict.Fail,
                $"{user.Name} ({user.Role}) lacks {string.Join(" and ", missing)}.",
                $"Grant {string.Join(" and ", missing)} to the {user.Role} role in the access policy, or give {user.Name} a role that has it.");
    }

    private async Task<(bool StorageReachable, AccessCheck Check)> CheckRecordAsync(CustomerId customerId, CancellationToken cancellationToken)
    {
        Customer? customer;
        try
        {
            customer = await _runner.RunUncommittedAsync(ports => ports.Customers.FindAsync(customerId, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return (false, new AccessCheck(RecordCheck, CheckVerdict.NotChecked, "Not checked: the customer store could not be read.", "See the system check."));
        }

        if (customer is null)
        {
            return (true, new AccessCheck(
                RecordCheck, CheckVerdict.Fail, $"No customer with id {customerId} is recorded.",
                "Check the id; search the customer by e-mail or phone; if they are new, create them (or win their lead)."));
        }

        if (customer.IsErased)
        {
            return (true, new AccessCheck(
                RecordCheck, CheckVerdict.Fail, $"{customer.DisplayName}'s personal data was erased on {customer.ErasedAt:yyyy-MM-dd} at their request.",
                "Nothing to restore: the person asked to be forgotten. If they come back, record them again with their consent."));
        }

        var completeness = customer.Completeness;
        return completeness.CanBeContacted
            ? (true, new AccessCheck(RecordCheck, CheckVerdict.Pass, $"{customer.DisplayName} is recorded with contact details.", string.Empty))
            : (true, new AccessCheck(
                RecordCheck, CheckVerdict.Fail, $"{customer.DisplayName} is recorded but has no {string.Join(", ", completeness.MissingForContact)}.",
                "Complete the record: ask the customer or the salesperson who owns them for an e-mail address or a phone number."));
    }

    private async Task<AccessCheck> CheckSystemAsync(bool storageReachable, CancellationToken cancellationToken)
    {
        if (!storageReachable)
        {
            return new AccessCheck(SystemCheck, CheckVerdict.Fail, "The customer store cannot be reached.", "Check the database server and the connection string, then retry.");
        }

        IReadOnlyList<OutboxEntry> pending;
        IReadOnlyList<OutboxEntry> parked;
        try
        {
            pending = await _outbox.GetDueAsync(DateTimeOffset.MaxValue, 1_000, cancellationToken).ConfigureAwait(false);
            parked = await _outbox.GetParkedAsync(1_000, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return new AccessCheck(SystemCheck, CheckVerdict.Fail, $"The outbox cannot be read: {error.Message}", "Check the database server and the connection string, then retry.");
        }

        if (parked.Count > 0)
        {
            return new AccessCheck(
                SystemCheck,
                CheckVerdict.Warning,
                $"{parked.Count} message(s) between CRM and ERP are parked after failing every attempt (oldest since {parked[0].Message.OccurredAt:yyyy-MM-dd HH:mm} UTC); last error: {parked[0].LastError}",
                "Fix the cause of the error, then retry the parked messages (or discard them) through ParkedMessageService; their orders wait until then.");
        }

        var now = _clock.GetUtcNow();
        var stalled = pending.Where(e => now - e.Message.OccurredAt > _stalledAfter).ToArray();
        if (stalled.Length == 0)
        {
            return new AccessCheck(SystemCheck, CheckVerdict.Pass, $"Storage answers; {pending.Count} message(s) waiting between CRM and ERP, none stalled.", string.Empty);
        }

        var oldest = stalled.MinBy(e => e.Message.OccurredAt)!;
        var lastError = stalled.Select(e => e.LastError).FirstOrDefault(e => e is not null);
        return new AccessCheck(
            SystemCheck,
            CheckVerdict.Warning,
            $"{stalled.Length} message(s) between CRM and ERP are waiting for more than {_stalledAfter.TotalMinutes:0.#} minutes (oldest since {oldest.Message.OccurredAt:yyyy-MM-dd HH:mm} UTC){(lastError is null ? "." : $"; last error: {lastError}")}",
            lastError is null ? "Make sure the outbox dispatcher is running." : "Fix the cause of the last error; the dispatcher retries by itself.");
    }
}
