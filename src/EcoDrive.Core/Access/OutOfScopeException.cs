namespace EcoDrive.Core.Access;

/// <summary>
/// The user holds the permission, but the record is outside their data scope (for example another salesperson's
/// lead, when salespeople see only their own). Code: <c>access.out-of-scope</c>.
/// </summary>
public sealed class OutOfScopeException : DomainException
{
    /// <summary>Creates the error naming the user, the record and the rule.</summary>
    /// <param name="user">The acting user.</param>
    /// <param name="record">The record, as a person reads it (<c>lead 0190…</c>).</param>
    /// <param name="rule">The scope rule, as a sentence (<c>salespeople see their own and unassigned leads</c>).</param>
    public OutOfScopeException(User user, string record, string rule)
        : base(ErrorCodes.Access.OutOfScope, $"{user?.Name} cannot act on {record}: {rule}. Ask its owner, or a sales director, to reassign it.")
    {
        ArgumentNullException.ThrowIfNull(user);
        UserId = user.Id;
        Rule = rule;
    }

    /// <summary>The user who was refused.</summary>
    public UserId UserId { get; }

    /// <summary>The scope rule that refused them.</summary>
    public string Rule { get; }
}
