namespace EcoDrive.Erp.Orders;

/// <summary>What can happen to a sales order in the ERP; each trigger moves it to another <see cref="OrderStatus"/>.</summary>
public enum OrderTrigger
{
    /// <summary>Stock is reserved for every line: <c>Submitted | Backordered → Confirmed</c>.</summary>
    Confirm = 0,

    /// <summary>Stock is short; the order waits: <c>Submitted → Backordered</c>.</summary>
    Backorder = 1,

    /// <summary>The ERP refuses the order with a reason: <c>Submitted | Backordered → Rejected</c>.</summary>
    Reject = 2,

    /// <summary>The warehouse starts preparing it: <c>Confirmed → InPreparation</c>.</summary>
    StartPreparation = 3,

    /// <summary>It leaves the warehouse: <c>InPreparation → Shipped</c>.</summary>
    Ship = 4,

    /// <summary>Its invoice is issued: <c>Shipped → Invoiced</c>.</summary>
    Invoice = 5,

    /// <summary>Its invoice is fully paid: <c>Invoiced → Paid</c>.</summary>
    Pay = 6,

    /// <summary>It is cancelled before shipping: <c>Submitted | Backordered | Confirmed | InPreparation → Cancelled</c>.</summary>
    Cancel = 7,
}
