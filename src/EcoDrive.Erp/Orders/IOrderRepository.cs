namespace EcoDrive.Erp.Orders;

/// <summary>Port: the ERP's sales orders. Writes are staged and committed by the scope's <see cref="IUnitOfWork"/>.</summary>
public interface IOrderRepository
{
    /// <summary>Finds an order by id.</summary>
    /// <param name="id">The order's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The order, or <see langword="null"/> when the ERP has no such order.</returns>
    Task<Order?> FindAsync(OrderId id, CancellationToken cancellationToken = default);

    /// <summary>Stages a new order.</summary>
    /// <param name="order">The order.</param>
    void Add(Order order);

    /// <summary>Stages the changes of an order read from this repository.</summary>
    /// <param name="order">The order.</param>
    void Update(Order order);
}
