namespace EcoDrive.Erp.Purchasing;

/// <summary>Port: supplier purchase orders. Writes are staged and committed by the scope's <see cref="IUnitOfWork"/>.</summary>
public interface IPurchaseOrderRepository
{
    /// <summary>Finds a purchase order by id.</summary>
    /// <param name="id">The purchase order's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The purchase order, or <see langword="null"/> when there is none.</returns>
    Task<PurchaseOrder?> FindAsync(PurchaseOrderId id, CancellationToken cancellationToken = default);

    /// <summary>Lists purchase orders, oldest first.</summary>
    /// <param name="status">Only those in this status; all when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<PurchaseOrder>> ListAsync(PurchaseOrderStatus? status = null, CancellationToken cancellationToken = default);

    /// <summary>Stages a new purchase order.</summary>
    /// <param name="purchaseOrder">The purchase order.</param>
    void Add(PurchaseOrder purchaseOrder);

    /// <summary>Stages the changes of a purchase order read from this repository.</summary>
    /// <param name="purchaseOrder">The purchase order.</param>
    void Update(PurchaseOrder purchaseOrder);
}
