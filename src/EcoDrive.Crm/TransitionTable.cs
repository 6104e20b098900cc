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
    private readonly string _aggregate;
    private readonly (TState From, string Operation, TState To)[] _moves;

    /// <param name="aggregate">Aggregate kind in lower case, the prefix of the error code (<c>lead</c>).</param>
    /// <param name="moves">Every allowed move, in the order in which refusals list them.</param>
    public TransitionTable(string aggregate, params (TState From, string Operation, TState To)[] moves)
    {
        _aggregate = aggregate;
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
        new(_aggregate, id, state.ToString(), operation, Permitted(state), unmetGuards);
}
