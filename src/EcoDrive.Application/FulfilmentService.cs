using System.Runtime.CompilerServices;
using EcoDrive.Core.Access;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Orders;
using EcoDrive.Erp.Stock;
using EcoDrive.Application.Messaging;
using EcoDrive.Application.Ports;

namespace EcoDrive.Application;

/// <summary>
/// The ERP's catalogue, stock and warehouse: the catalogue, receiving and adjusting stock (which serves backordered
/// orders first come first served), stock levels against reorder points, preparing, shipping and cancelling orders.
/// Each status change is reported to the CRM through the outbox, in the same unit of work.
/// </summary>
public sealed class FulfilmentService
{
    private readonly UseCaseRunner<FulfilmentPorts> _runner;
    private readonly IAccessPolicy _access;
    private readonly TimeProvider _clock;

    /// <summary>Creates the service; resolve it from DI (<c>AddEcoDrive</c>) rather than by hand.</summary>
    /// <param name="runner">Runs each operation in its own unit of work, with a fresh <see cref="FulfilmentPorts"/> (the ports it uses).</param>
    /// <param name="access">Decides what the caller may do.</param>
    /// <param name="clock">The clock.</param>
    public FulfilmentService(UseCaseRunner<FulfilmentPorts> runner, IAccessPolicy access, TimeProvider clock)
    {
        _runner = runner;
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
            ports =>
            {
                ports.Catalogue.Add(product);
                ports.Stock.Add(StockItem.OpenFor(product.Id));
                return Task.FromResult(product.Id);
            },
            cancellationToken);
    }

    /// <summary>Reads a product of the catalogue.</summary>
    /// <param name="actor">Who; needs <c>orders.read</c> or <c>stock.manage</c>.</param>
    /// <param name="productId">The product.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks both permissions (the error names <c>orders.read</c>).</exception>
    /// <exception cref="EntityNotFoundException">No such product.</exception>
    public Task<ProductSnapshot> GetProductAsync(User actor, ProductId productId, CancellationToken cancellationToken = default)
    {
        _access.DemandAny(actor, Permissions.StockManage, Permissions.OrdersRead);
        return _runner.RunAsync(
            async ports => (await ports.Catalogue.RequireAsync(productId, cancellationToken).ConfigureAwait(false)).ToSnapshot(),
            cancellationToken);
    }

    /// <summary>Lists the catalogue, by name.</summary>
    /// <param name="actor">Who; needs <c>orders.read</c> or <c>stock.manage</c>.</param>
    /// <param name="segment">Only this segment; every product when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks both permissions (the error names <c>orders.read</c>).</exception>
    public Task<IReadOnlyList<ProductSnapshot>> ListProductsAsync(User actor, ProductSegment? segment = null, CancellationToken cancellationToken = default)
    {
        _access.DemandAny(actor, Permissions.StockManage, Permissions.OrdersRead);
        return _runner.RunAsync<IReadOnlyList<ProductSnapshot>>(
            async ports => [.. (await ports.Catalogue.ListAsync(segment, cancellationToken).ConfigureAwait(false)).Select(p => p.ToSnapshot())],
            cancellationToken);
    }

    /// <summary>Changes a product's catalogue price; orders already submitted keep theirs.</summary>
    /// <param name="actor">Who; needs <c>stock.manage</c>.</param>
    /// <param name="productId">The product.</param>
    /// <param name="listPrice">Price of one unit, VAT excluded, in the product's currency.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>stock.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such product.</exception>
    public Task<ProductSnapshot> RepriceAsync(User actor, ProductId productId, Money listPrice, CancellationToken cancellationToken = default) =>
        ChangeProductAsync(actor, productId, p => p.Reprice(listPrice), cancellationToken);

    /// <summary>Changes a product's reorder point.</summary>
    /// <param name="actor">Who; needs <c>stock.manage</c>.</param>
    /// <param name="productId">The product.</param>
    /// <param name="reorderPoint">The new reorder point; zero or more.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>stock.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such product.</exception>
    public Task<ProductSnapshot> ChangeReorderPointAsync(User actor, ProductId productId, int reorderPoint, CancellationToken cancellationToken = default) =>
        ChangeProductAsync(actor, productId, p => p.ChangeReorderPoint(reorderPoint), cancellationToken);

    /// <summary>
    /// Adds received units to a product's stock, then serves the backordered orders that now fit, first come first
    /// served; each is confirmed and reported to the CRM in the same unit of work.
    /// </summary>
    /// <param name="actor">Who; needs <c>stock.manage</c>.</param>
    /// <param name="productId">The product.</param>
    /// <param name="quantity">Units received; 1 to <see cref="Limits.MaxQuantity"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stock after the receipt and the orders it confirmed.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>stock.manage</c>.</exception>
    /// <exception cref="InvalidInputException"><paramref name="quantity"/> is not positive or above <see cref="Limits.MaxQuantity"/>.</exception>
    /// <exception cref="EntityNotFoundException">The product has no stock.</exception>
    /// <exception cref="LimitExceededException"><c>stock.limit-exceeded</c>: the stock on hand would exceed <see cref="Limits.MaxStockQuantity"/>; nothing changed.</exception>
    public Task<StockReplenishment> ReceiveStockAsync(User actor, ProductId productId, int quantity, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.StockManage);
        Limits.RequireQuantity(quantity);
        return ChangeStockAsync(productId, item => item.Receive(quantity), cancellationToken);
    }

    /// <summary>
    /// Corrects a product's stock on hand (inventory count, damage), keeping the reason; the stock can never fall below
    /// what is reserved. An upward correction serves backordered orders like a receipt.
    /// </summary>
    /// <param name="actor">Who; needs <c>stock.manage</c>.</param>
    /// <param name="productId">The product.</param>
    /// <param name="change">Units to add (positive) or remove (negative); not zero.</param>
    /// <param name="reason">Why; required.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stock after the correction and the orders it confirmed.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>stock.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">The product has no stock.</exception>
    /// <exception cref="StockBelowReservedException"><c>stock.below-reserved</c>: the stock would fall below what is reserved; nothing changed.</exception>
    public Task<StockReplenishment> AdjustStockAsync(User actor, ProductId productId, int change, string reason, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.StockManage);
        return ChangeStockAsync(productId, item => item.Adjust(change, reason, _clock.GetUtcNow()), cancellationToken);
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
            async ports => (await ports.Stock.RequireAsync(productId, cancellationToken).ConfigureAwait(false)).ToSnapshot(),
            cancellationToken);
    }

    /// <summary>
    /// Every product's stock level: on hand, reserved, backordered, on order from suppliers, and whether it is under
    /// its reorder point.
    /// </summary>
    /// <param name="actor">Who; needs <c>stock.manage</c>.</param>
    /// <param name="underReorderPointOnly">Only the products under their reorder point.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The levels, by product name.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>stock.manage</c>.</exception>
    public Task<IReadOnlyList<StockLevel>> ListStockLevelsAsync(User actor, bool underReorderPointOnly = false, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.StockManage);
        return _runner.RunAsync<IReadOnlyList<StockLevel>>(
            async ports =>
            {
                var levels = await StockLevels.ReadAsync(ports.Catalogue, ports.PurchaseOrders, ports.Stock, cancellationToken).ConfigureAwait(false);
                return [.. levels.Where(l => !underReorderPointOnly || l.IsUnderReorderPoint)];
            },
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
            async ports => (await ports.Orders.RequireAsync(orderId, cancellationToken).ConfigureAwait(false)).ToSnapshot(),
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
            async (order, ports, at) =>
            {
                order.Ship(actor.Id, at);
                var stock = ports.Stock;
                foreach (var productId in order.Lines.Select(l => l.ProductId).Distinct())
                {
                    var item = await stock.RequireAsync(productId, cancellationToken).ConfigureAwait(false);
                    item.Consume(order.Id);
                    stock.Update(item);
                }
            },
            cancellationToken);
    }

    /// <summary>
    /// Cancels an order that has not shipped, releasing its reservation (or its place in the backorder queue); the
    /// released units then serve the backordered orders that now fit.
    /// </summary>
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
            async (order, ports, at) =>
            {
                order.Cancel(reason, actor.Id, at);
                var stock = ports.Stock;
                var items = await stock.FindManyAsync(order.Lines.Select(l => l.ProductId), cancellationToken).ConfigureAwait(false);
                var released = new List<StockItem>();
                foreach (var item in items.Values)
                {
                    var wasQueued = item.Unqueue(order.Id);
                    var units = item.Release(order.Id);
                    if (wasQueued || units > 0)
                    {
                        stock.Update(item);
                    }

                    if (units > 0)
                    {
                        released.Add(item);
                    }
                }

                await Backorders.FillAsync(ports.Orders, ports.Stock, ports.Outbox, released, at, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    private Task<StockReplenishment> ChangeStockAsync(
        ProductId productId, Action<StockItem> change, CancellationToken cancellationToken, [CallerMemberName] string useCase = "") =>
        _runner.RunAsync(
            async ports =>
            {
                var stock = ports.Stock;
                var item = await stock.RequireAsync(productId, cancellationToken).ConfigureAwait(false);
                change(item);
                stock.Update(item);
                var confirmed = await Backorders.FillAsync(ports.Orders, ports.Stock, ports.Outbox, [item], _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                return new StockReplenishment(item.ToSnapshot(), confirmed);
            },
            cancellationToken,
            useCase);

    private Task<ProductSnapshot> ChangeProductAsync(
        User actor, ProductId productId, Action<Product> change, CancellationToken cancellationToken, [CallerMemberName] string useCase = "")
    {
        _access.Demand(actor, Permissions.StockManage);
        return _runner.RunAsync(
            async ports =>
            {
                var catalogue = ports.Catalogue;
                var product = await catalogue.RequireAsync(productId, cancellationToken).ConfigureAwait(false);
                change(product);
                catalogue.Update(product);
                return product.ToSnapshot();
            },
            cancellationToken,
            useCase);
    }

    private Task ChangeOrderAsync(
        OrderId orderId, Func<Order, FulfilmentPorts, DateTimeOffset, Task> change, CancellationToken cancellationToken, [CallerMemberName] string useCase = "") =>
        _runner.RunAsync(
            async ports =>
            {
                var orders = ports.Orders;
                var order = await orders.RequireAsync(orderId, cancellationToken).ConfigureAwait(false);
                await change(order, ports, _clock.GetUtcNow()).ConfigureAwait(false);
                orders.Update(order);
                order.ReportTo(ports.Outbox);
            },
            cancellationToken,
            useCase);
}
