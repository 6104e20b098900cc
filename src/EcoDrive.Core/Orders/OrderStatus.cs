namespace EcoDrive.Core;

/// <summary>
/// Where a sales order is in its journey CRM → ERP → CRM. The ERP's state machine moves it; the CRM shows it.
/// Both sides (and any foreign ERP or CRM plugged in through the gateway ports) speak this list.
/// </summary>
public enum OrderStatus
{
    /// <summary>Recorded by the salesperson in the CRM, not yet handled by the ERP.</summary>
    Submitted = 0,

    /// <summary>Accepted by the ERP with its stock reserved.</summary>
    Confirmed = 1,

    /// <summary>Accepted by the ERP, waiting for stock to arrive.</summary>
    Backordered = 2,

    /// <summary>Refused by the ERP, with a reason (final).</summary>
    Rejected = 3,

    /// <summary>Being prepared in the warehouse.</summary>
    InPreparation = 4,

    /// <summary>Shipped to the customer; the reserved stock is consumed.</summary>
    Shipped = 5,

    /// <summary>Invoiced; only a credit note can undo money from here.</summary>
    Invoiced = 6,

    /// <summary>The invoice is fully paid (final).</summary>
    Paid = 7,

    /// <summary>Cancelled before shipping; its reservation was released (final).</summary>
    Cancelled = 8,
}
