namespace EcoDrive.Erp.Purchasing;

/// <summary>Where a supplier purchase order stands: <c>Draft → Ordered → PartiallyReceived → Received</c>.</summary>
public enum PurchaseOrderStatus
{
    /// <summary>Being prepared; lines can still be added.</summary>
    Draft = 0,

    /// <summary>Sent to the supplier; nothing received yet.</summary>
    Ordered = 1,

    /// <summary>Some units received, some still expected.</summary>
    PartiallyReceived = 2,

    /// <summary>Every unit received (final).</summary>
    Received = 3,
}
