using System.Text;

namespace EcoDrive.Application.Access;

/// <summary>The outcome of one check of an <see cref="AccessExplanation"/>.</summary>
public enum CheckVerdict
{
    /// <summary>Nothing wrong here.</summary>
    Pass = 0,

    /// <summary>Not the cause by itself, but worth fixing.</summary>
    Warning = 1,

    /// <summary>This is why the user cannot see the contact details.</summary>
    Fail = 2,

    /// <summary>Could not be checked (an earlier check failed, or the check itself would reveal what the user may not see).</summary>
    NotChecked = 3,
}

/// <summary>One of the brief's three checks: what was found, and what to do about it.</summary>
/// <param name="Name">The check: <c>permissions</c>, <c>customer record</c> or <c>system</c>.</param>
/// <param name="Verdict">Its outcome.</param>
/// <param name="Finding">What was found, in a sentence.</param>
/// <param name="Fix">What to do; empty when nothing needs doing.</param>
public sealed record AccessCheck(string Name, CheckVerdict Verdict, string Finding, string Fix);

/// <summary>
/// The answer to the brief's troubleshooting question — why can't this user see this customer's contact details? —
/// as three checks in the brief's order: the user's permissions, the customer's record, the system's health.
/// </summary>
/// <param name="UserName">The user the question is about.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Permissions">Does the user hold the permissions to read contact details?</param>
/// <param name="CustomerRecord">Does the customer exist, and is the record complete enough to contact them?</param>
/// <param name="System">Is storage reachable, and is the CRM ↔ ERP dispatcher keeping up?</param>
public sealed record AccessExplanation(string UserName, CustomerId CustomerId, AccessCheck Permissions, AccessCheck CustomerRecord, AccessCheck System)
{
    /// <summary>The three checks, in the brief's order.</summary>
    public IReadOnlyList<AccessCheck> Checks => [Permissions, CustomerRecord, System];

    /// <summary>Whether the user can see the contact details: no check failed.</summary>
    public bool CanSeeContactDetails => Checks.All(c => c.Verdict is CheckVerdict.Pass or CheckVerdict.Warning);

    /// <summary>The checklist as text a person can read, one line per check with what to do.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CanSeeContactDetails
            ? $"{UserName} can see the contact details of customer {CustomerId}."
            : $"{UserName} cannot see the contact details of customer {CustomerId}.");
        foreach (var check in Checks)
        {
            var mark = check.Verdict switch
            {
                CheckVerdict.Pass => "ok  ",
                CheckVerdict.Warning => "warn",
                CheckVerdict.Fail => "FAIL",
                _ => "--  ",
            };
            text.AppendLine().Append($"[{mark}] {check.Name}: {check.Finding}");
            if (check.Fix.Length > 0)
            {
                text.AppendLine().Append($"       → {check.Fix}");
            }
        }

        return text.ToString();
    }
}
