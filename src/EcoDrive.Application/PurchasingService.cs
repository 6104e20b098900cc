using EcoDrive.Core.Access;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Purchasing;
using EcoDrive.Erp.Stock;
using EcoDrive.Application.Ports;

namespace EcoDrive.Application;

/// <summary>
/// Buying vehicles from suppliers: drafting purchase orders by hand or from the products under their reorder point,
/// placing them, and receiving deliveries, which add to the stock and serve backordered orders first come first
/// served. Every operation needs <c>stock.manage</c>.
/// </summary>
public sealed class PurchasingService
{
    private readonly UseCaseRunner<PurchasingPorts> _runner;
    private readonly IAccessPolicy _access;
    private readonly TimeProvider _clock;

    /// <summary>Creates the service; resolve it from DI (<c>AddEcoDrive</c>) rather than by hand.</summary>
    /// <param name="runner">Runs each operation in its own unit of work, with a fresh <see cref="PurchasingPorts"/> (the ports it uses).</param>
    /// <param name="access">Decides what the caller may do.</param>
    /// <param name="clock">The clock.</param>
    public PurchasingService(UseCaseRunner<PurchasingPorts> runner, IAccessPolicy access, TimeProvider clock)
    {
        _runner = runner;
        _access = access;
        _clock = clock;
    }

    /// <summary>Starts an empty draft purchase order for a supplier.</summary>
    /// <param name="actor">Who; needs <c>stock.manage</c>.</param>
    /// <param name="supplier">The supplier's name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The draft.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>stock.manage</c>.</exception>
    /// <exception cref="InvalidInputException"><paramref name="supplier"/> is blank.</exception>
    public Task<PurchaseOrderSnapshot> DraftAsync(User actor, string supplier, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.StockManage);
        var draft = PurchaseOrder.Draft(PurchaseOrderId.New(), supplier, _clock.GetUtcNow());
        return _runner.RunAsync(
            ports =>
            {
                ports.PurchaseOrders.Add(draft);
                return Task.FromResult(draft.ToSnapshot());
            },
            cancellationToken);
    }

    /// <summary>
    /// Proposes a draft that brings every product under its reorder point back to it (see
    /// <see cref="StockLevel.Shortfall"/>), counting what open purchase orders still bring.
    /// </summary>
    /// <param name="actor">Who; needs <c>stock.manage</c>.</param>
    /// <param name="supplier">The supplier's name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The draft, or <see langword="null"/> when no product is under its reorder point (nothing is written then).</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>stock.manage</c>.</exception>
    /// <exception cref="InvalidInputException"><paramref name="supplier"/> is blank.</exception>
    public Task<PurchaseOrderSnapshot?> ProposeAsync(User actor, string supplier, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.StockManage);
        InvalidInputException.ThrowIfNullOrWhiteSpace(supplier);
        return _runner.RunAsync(
            async ports =>
            {
                var levels = await StockLevels.ReadAsync(ports.Catalogue, ports.PurchaseOrders, ports.Stock, cancellationToken).ConfigureAwait(false);
                if (PurchaseOrder.Propose(PurchaseOrderId.New(), supplier, levels, _clock.GetUtcNow()) is not { } proposal)
                {
                    return null;
                }

                ports.PurchaseOrders.Add(proposal);
                return proposal.ToSnapshot();
            },
            cancellationToken);
    }

    /// <summary>Adds units of a catalogue product to a draft.</summary>
    /// <param name="actor">Who; needs <c>stock.manage</c>.</param>
    /// <param name="purchaseOrderId">The draft.</param>
    /// <param name="productId">The product.</param>
    /// <param name="quantity">Units; at least one.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The draft after the change.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>stock.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such purchase order or product.</exception>
    /// <exception cref="InvalidTransitionException"><c>purchase-order.invalid-transition</c>: it is no longer a draft.</exception>
    public Task<PurchaseOrderSnapshot> AddLineAsync(User actor, PurchaseOrderId purchaseOrderId, ProductId productId, int quantity, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.StockManage);
        return ChangeAsync(
            purchaseOrderId,
            async (purchase, ports) =>
            {
                _ = await ports.Catalogue.RequireAsync(productId, cancellationToken).ConfigureAwait(false);
                purchase.AddLine(productId, quantity);
            },
            cancellationToken);
    }

    /// <summary>Sends a draft to its supplier (<c>Draft → Ordered</c>); its units then count as on order.</summary>
    /// <param name="actor">Who; needs <c>stock.manage</c>.</param>
    /// <param name="purchaseOrderId">The draft.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The purchase order after the change.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>stock.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such purchase order.</exception>
    /// <exception cref="InvalidTransitionException"><c>purchase-order.invalid-transition</c>: it is not a draft.</exception>
    /// <exception cref="DomainException"><c>purchase-order.empty</c>: it has no line.</exception>
    public Task<PurchaseOrderSnapshot> PlaceAsync(User actor, PurchaseOrderId purchaseOrderId, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.StockManage);
        return ChangeAsync(
            purchaseOrderId,
            (purchase, _) =>
            {
                purchase.Place(_clock.GetUtcNow());
                return Task.CompletedTask;
            },
            cancellationToken);
    }

    /// <summary>
    /// Receives a delivery on a placed purchase order: the units are added to the product's stock and serve the
    /// backordered orders that now fit, first come first served, each confirmed and reported to the CRM; all in one
    /// unit of work.
    /// </summary>
    /// <param name="actor">Who; needs <c>stock.manage</c>.</param>
    /// <param name="purchaseOrderId">The purchase order.</param>
    /// <param name="productId">The product delivered.</param>
    /// <param name="quantity">Units delivered; at most what is still expected.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stock after the receipt and the orders it confirmed.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>stock.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such purchase order, or the product has no stock.</exception>
    /// <exception cref="InvalidTransitionException"><c>purchase-order.invalid-transition</c>: it is a draft or fully received.</exception>
    /// <exception cref="DomainException"><c>purchase-order.over-receipt</c>: more than expected, or a product not on the order.</exception>
    public Task<StockReplenishment> ReceiveAsync(
        User actor, PurchaseOrderId purchaseOrderId, ProductId productId, int quantity, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.StockManage);
        return _runner.RunAsync(
            async ports =>
            {
                var now = _clock.GetUtcNow();
                var purchases = ports.PurchaseOrders;
                var purchase = await purchases.RequireAsync(purchaseOrderId, cancellationToken).ConfigureAwait(false);
                purchase.Receive(productId, quantity, now);
                purchases.Update(purchase);
                var stock = ports.Stock;
                var item = await stock.RequireAsync(productId, cancellationToken).ConfigureAwait(false);
                item.Receive(quantity);
                stock.Update(item);
                var confirmed = await Backorders.FillAsync(ports.Orders, ports.Stock, ports.Outbox, [item], now, cancellationToken).ConfigureAwait(false);
                return new StockReplenishment(item.ToSnapshot(), confirmed);
            },
            cancellationToken);
    }

    /// <summary>Reads a purchase order.</summary>
    /// <param name="actor">Who; needs <c>stock.manage</c>.</param>
    /// <param name="purchaseOrderId">The purchase order.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>stock.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such purchase order.</exception>
    public Task<PurchaseOrderSnapshot> GetAsync(User actor, PurchaseOrderId purchaseOrderId, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.StockManage);
        return _runner.RunAsync(
            async ports => (await ports.PurchaseOrders.RequireAsync(purchaseOrderId, cancellationToken).ConfigureAwait(false)).ToSnapshot(),
            cancellationToken);
    }

    /// <summary>Lists purchase orders, oldest first.</summary>
    /// <param name="actor">Who; needs <c>stock.manage</c>.</param>
    /// <param name="status">Only those in this status; all when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>stock.manage</c>.</exception>
    public Task<IReadOnlyList<PurchaseOrderSnapshot>> ListAsync(User actor, PurchaseOrderStatus? status = null, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.StockManage);
        return _runner.RunAsync<IReadOnlyList<PurchaseOrderSnapshot>>(
            async ports => [.. (await ports.PurchaseOrders.ListAsync(status, cancellationToken).ConfigureAwait(false)).Select(p => p.ToSnapshot())],
            cancellationToken);
    }

    private Task<PurchaseOrderSnapshot> ChangeAsync(
        PurchaseOrderId purchaseOrderId, Func<PurchaseOrder, PurchasingPorts, Task> change, CancellationToken cancellationToken) =>
        _runner.RunAsync(
            async ports =>
            {
                var purchases = ports.PurchaseOrders;
                var purchase = await purchases.RequireAsync(purchaseOrderId, cancellationToken).ConfigureAwait(false);
                await change(purchase, ports).ConfigureAwait(false);
                purchases.Update(purchase);
                return purchase.ToSnapshot();
            },
            cancellationToken);
}
