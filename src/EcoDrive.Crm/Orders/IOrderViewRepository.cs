namespace EcoDrive.Crm.Orders;

/// <summary>Port: where the CRM keeps its view of orders. Writes are staged and committed by the scope's <see cref="IUnitOfWork"/>.</summary>
public interface IOrderViewRepository
{
    /// <summary>Finds the view of an order.</summary>
    /// <param name="id">The order's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The view, or <see langword="null"/> when the CRM has no such order.</returns>
    Task<OrderView?> FindAsync(OrderId id, CancellationToken cancellationToken = default);

    /// <summary>The orders of a customer, oldest first.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<OrderView>> FindByCustomerAsync(CustomerId customerId, CancellationToken cancellationToken = default);

    /// <summary>The orders a salesperson recorded, oldest first.</summary>
    /// <param name="salespersonId">The salesperson.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<OrderView>> FindBySalespersonAsync(UserId salespersonId, CancellationToken cancellationToken = default);

    /// <summary>Stages a newly recorded order.</summary>
    /// <param name="order">The order's view.</param>
    void Add(OrderView order);

    /// <summary>Stages the changes of a view read from this repository.</summary>
    /// <param name="order">The order's view.</param>
    void Update(OrderView order);
}
