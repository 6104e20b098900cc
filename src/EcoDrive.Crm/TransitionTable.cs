namespace EcoDrive.Crm;

/// <summary>
/// The allowed moves of one of the CRM's small state machines (lead, follow-up, offer, campaign), as a table of
/// (state, operation) → next state. The aggregate keeps its state; the table only answers "where to" or refuses.
/// </summary>
/// <remarks>The CRM depends on Core only, so these five-move graphs are tables rather than Stateless machines.</remarks>
/// <typeparam name="TState">The aggregate's state enum.</typeparam>
internal sealed class TransitionTable<TState>
    where TState : struct, Enum
{
    private readonly string _code;
    private readonly (TState From, string Operation, TState To)[] _moves;

    /// <param name="code">The code of a refusal, an <c>InvalidTransition</c> constant of <see cref="ErrorCodes"/> (<see cref="ErrorCodes.Lead.InvalidTransition"/>).</param>
    /// <param name="moves">Every allowed move, in the order in which refusals list them.</param>
    public TransitionTable(string code, params (TState From, string Operation, TState To)[] moves)
    {
        _code = code;
        _moves = moves;
    }

    /// <summary>The state <paramref name="operation"/> leads to from <paramref name="from"/>.</summary>
    /// <exception cref="InvalidTransitionException">The table has no such move; names the state and the allowed operations.</exception>
    public TState Next(TState from, string operation, string id)
    {
        foreach (var move in _moves)
        {
            if (EqualityComparer<TState>.Default.Equals(move.From, from) && move.Operation == operation)
            {
                return move.To;
            }
        }

        throw Refused(from, operation, id);
    }

    /// <summary>The operations allowed from <paramref name="from"/>, in declaration order.</summary>
    public IReadOnlyList<string> Permitted(TState from) =>
        [.. _moves.Where(m => EqualityComparer<TState>.Default.Equals(m.From, from)).Select(m => m.Operation).Distinct()];

    /// <summary>The error for an operation the state allows only under a condition that is not met.</summary>
    public InvalidTransitionException Refused(TState state, string operation, string id, params string[] unmetGuards) =>
        new(_code, id, state.ToString(), operation, Permitted(state), unmetGuards);
}
