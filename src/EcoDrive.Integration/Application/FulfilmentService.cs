using EcoDrive.Core.Access;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Orders;
using EcoDrive.Erp.Stock;
using EcoDrive.Integration.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Integration.Application;

/// <summary>
/// The ERP's catalogue, stock and warehouse: adding products, receiving stock, preparing, shipping and cancelling
/// orders. Each status change is reported to the CRM through the outbox, in the same unit of work.
/// </summary>
public sealed class FulfilmentService
{
    private readonly UseCaseRunner _runner;
    private readonly IAccessPolicy _access;
    private readonly TimeProvider _clock;

    /// <summary>Creates the service; resolve it from DI (<c>AddEcoDrive</c>) rather than by hand.</summary>
    /// <param name="scopes">Creates the scope and unit of work of each operation.</param>
    /// <param name="access">Decides what the caller may do.</param>
    /// <param name="clock">The clock.</param>
    public FulfilmentService(IServiceScopeFactory scopes, IAccessPolicy access, TimeProvider clock)
    {
        _runner = new UseCaseRunner(scopes);
        _access = access;
        _clock = clock;
    }

    /// <summary>Adds a product to the catalogue, with its (empty) stock.</summary>
    /// <param name="actor">Who; needs <c>stock.manage</c>.</param>
    /// <param name="name">Model name.</param>
    /// <param name="segment">Product segment.</param>
    /// <param name="listPrice">Price of one unit, VAT excluded.</param>
    /// <param name="vatRate">VAT rate.</param>
    /// <param name="reorderPoint">Reorder point.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new product's id.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>stock.manage</c>.</exception>
    public Task<ProductId> AddProductAsync(
        User actor, string name, ProductSegment segment, Money listPrice, VatRate vatRate, int reorderPoint = 0, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.StockManage);
        var product = Product.Create(ProductId.New(), name, segment, listPrice, vatRate, reorderPoint);
        return _runner.RunAsync(
            services =>
            {
                services.GetRequiredService<IProductCatalogue>().Add(product);
                services.GetRequiredService<IStockRepository>().Add(StockItem.OpenFor(product.Id));
                return Task.FromResult(product.Id);
            },
            cancellationToken);
    }

    /// <summary>Reads a product of the catalogue.</summary>
    /// <param name="actor">Who; needs <c>orders.read</c> or <c>stock.manage</c>.</param>
    /// <param name="productId">The product.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>orders.read</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such product.</exception>
    public Task<ProductSnapshot> GetProductAsync(User actor, ProductId productId, CancellationToken cancellationToken = default)
    {
        if (!_access.IsGranted(actor, Permissions.StockManage))
        {
            _access.Demand(actor, Permissions.OrdersRead);
        }

        return _runner.RunAsync(
            async services => (await services.GetRequiredService<IProductCatalogue>().FindAsync(productId, cancellationToken).ConfigureAwait(false)
                ?? throw new EntityNotFoundException("product", productId.ToString())).ToSnapshot(),
            cancellationToken);
    }

    /// <summary>Adds received units to a product's stock.</summary>
    /// <param name="actor">Who; needs <c>stock.manage</c>.</param>
    /// <param name="productId">The product.</param>
    /// <param name="quantity">Units received; at least one.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stock after the receipt.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>stock.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">The product has no stock.</exception>
    public Task<StockItemSnapshot> ReceiveStockAsync(User actor, ProductId productId, int quantity, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.StockManage);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        return _runner.RunAsync(
            async services =>
            {
                var stock = services.GetRequiredService<IStockRepository>();
                var item = await stock.RequireAsync(productId, cancellationToken).ConfigureAwait(false);
                item.Receive(quantity);
                stock.Update(item);
                return item.ToSnapshot();
            },
            cancellationToken);
    }

    /// <summary>Reads a product's stock.</summary>
    /// <param name="actor">Who; needs <c>stock.manage</c>.</param>
    /// <param name="productId">The product.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>stock.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">The product has no stock.</exception>
    public Task<StockItemSnapshot> GetStockAsync(User actor, ProductId productId, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.StockManage);
        return _runner.RunAsync(
            async services => (await services.GetRequiredService<IStockRepository>().RequireAsync(productId, cancellationToken).ConfigureAwait(false)).ToSnapshot(),
            cancellationToken);
    }

    /// <summary>The ERP's order: status, version and full status history.</summary>
    /// <param name="actor">Who; needs <c>orders.read</c>.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>orders.read</c>.</exception>
    /// <exception cref="EntityNotFoundException">The ERP has no such order.</exception>
    public Task<OrderSnapshot> GetOrderAsync(User actor, OrderId orderId, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.OrdersRead);
        return _runner.RunAsync(
            async services => (await services.GetRequiredService<IOrderRepository>().RequireAsync(orderId, cancellationToken).ConfigureAwait(false)).ToSnapshot(),
            cancellationToken);
    }

    /// <summary>Starts preparing a confirmed order (<c>Confirmed → InPreparation</c>).</summary>
    /// <param name="actor">Who; needs <c>orders.fulfil</c>.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>orders.fulfil</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such order.</exception>
    /// <exception cref="InvalidTransitionException">The order's status does not allow it.</exception>
    public Task StartPreparationAsync(User actor, OrderId orderId, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.OrdersFulfil);
        return ChangeOrderAsync(orderId, (order, _, at) => { order.StartPreparation(actor.Id, at); return Task.CompletedTask; }, cancellationToken);
    }

    /// <summary>Ships an order in preparation (<c>InPreparation → Shipped</c>), consuming its reserved stock.</summary>
    /// <param name="actor">Who; needs <c>orders.fulfil</c>.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>orders.fulfil</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such order.</exception>
    /// <exception cref="InvalidTransitionException">The order's status does not allow it.</exception>
    public Task ShipAsync(User actor, OrderId orderId, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.OrdersFulfil);
        return ChangeOrderAsync(
            orderId,
            async (order, stock, at) =>
            {
                order.Ship(actor.Id, at);
                foreach (var productId in order.Lines.Select(l => l.ProductId).Distinct())
                {
                    var item = await stock.RequireAsync(productId, cancellationToken).ConfigureAwait(false);
                    item.Consume(order.Id);
                    stock.Update(item);
                }
            },
            cancellationToken);
    }

    /// <summary>Cancels an order that has not shipped, releasing its reservation.</summary>
    /// <param name="actor">Who; needs <c>orders.cancel</c>.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>orders.cancel</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such order.</exception>
    /// <exception cref="InvalidTransitionException">The order has shipped or is closed.</exception>
    public Task CancelAsync(User actor, OrderId orderId, string reason, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.OrdersCancel);
        return ChangeOrderAsync(
            orderId,
            async (order, stock, at) =>
            {
                order.Cancel(reason, actor.Id, at);
                foreach (var productId in order.Lines.Select(l => l.ProductId).Distinct())
                {
                    if (await stock.FindAsync(productId, cancellationToken).ConfigureAwait(false) is { } item && item.Release(order.Id) > 0)
                    {
                        stock.Update(item);
                    }
                }
            },
            cancellationToken);
    }

    private Task ChangeOrderAsync(OrderId orderId, Func<Order, IStockRepository, DateTimeOffset, Task> change, CancellationToken cancellationToken) =>
        _runner.RunAsync(
            async services =>
            {
                var orders = services.GetRequiredService<IOrderRepository>();
                var order = await orders.RequireAsync(orderId, cancellationToken).ConfigureAwait(false);
                await change(order, services.GetRequiredService<IStockRepository>(), _clock.GetUtcNow()).ConfigureAwait(false);
                orders.Update(order);
                order.ReportTo(services.GetRequiredService<IOutbox>());
            },
            cancellationToken);
}
