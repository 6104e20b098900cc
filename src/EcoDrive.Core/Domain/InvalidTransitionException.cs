namespace EcoDrive.Core;

/// <summary>
/// An operation that the current state of an aggregate (an order, a lead, an invoice) does not allow.
/// Names the state, the attempted trigger and the triggers that are allowed instead.
/// </summary>
public sealed class InvalidTransitionException : DomainException
{
    /// <summary>Creates the error for an aggregate in <paramref name="state"/> refusing <paramref name="trigger"/>.</summary>
    /// <param name="code">An <c>InvalidTransition</c> constant of <see cref="ErrorCodes"/> (<see cref="ErrorCodes.Order.InvalidTransition"/>); its area names the aggregate in the message.</param>
    /// <param name="id">Identity of the aggregate, for the message.</param>
    /// <param name="state">The state the aggregate is in.</param>
    /// <param name="trigger">The trigger that was refused.</param>
    /// <param name="permittedTriggers">The triggers the state allows.</param>
    /// <param name="unmetGuards">Conditions that were not met when the state allows the trigger only under them (<c>invoice fully paid</c>).</param>
    public InvalidTransitionException(
        string code, string id, string state, string trigger, IReadOnlyList<string> permittedTriggers, IReadOnlyList<string>? unmetGuards = null)
        : base(code, Describe(ErrorCodes.AreaOf(code), id, state, trigger, permittedTriggers, unmetGuards ?? []))
    {
        State = state;
        Trigger = trigger;
        PermittedTriggers = permittedTriggers;
        UnmetGuards = unmetGuards ?? [];
    }

    /// <summary>The state the aggregate was in; it is still in it.</summary>
    public string State { get; }

    /// <summary>The trigger that was refused.</summary>
    public string Trigger { get; }

    /// <summary>The triggers that the state allows, in a stable order.</summary>
    public IReadOnlyList<string> PermittedTriggers { get; }

    /// <summary>The conditions that were not met, when the trigger is allowed from the state only under conditions.</summary>
    public IReadOnlyList<string> UnmetGuards { get; }

    private static string Describe(string aggregate, string id, string state, string trigger, IReadOnlyList<string> permitted, IReadOnlyList<string> unmet)
    {
        if (unmet.Count > 0)
        {
            return $"Cannot {trigger} {aggregate} {id} while it is {state}: not met: {string.Join(", ", unmet)}.";
        }

        var allowed = permitted.Count == 0 ? "none (final state)" : string.Join(", ", permitted);
        return $"Cannot {trigger} {aggregate} {id}: it is {state}. Allowed from {state}: {allowed}.";
    }
}
