namespace EcoDrive.Core.Access;

/// <summary>The job of a user, which an <see cref="IAccessPolicy"/> maps to permissions.</summary>
public enum Role
{
    /// <summary>Follows leads and customers, records orders (French: commercial).</summary>
    Salesperson = 0,

    /// <summary>Leads the sales team and reads the dashboard (French: directeur commercial).</summary>
    SalesDirector = 1,

    /// <summary>Runs campaigns.</summary>
    Marketing = 2,

    /// <summary>Issues invoices and records payments (French: comptabilité).</summary>
    Accountant = 3,

    /// <summary>Receives stock, prepares and ships orders.</summary>
    Warehouse = 4,

    /// <summary>Everything.</summary>
    Administrator = 5,
}
