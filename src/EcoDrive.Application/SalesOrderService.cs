using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Crm.Orders;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Application.Messaging;
using EcoDrive.Application.Ports;
using EcoDrive.Application.Telemetry;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace EcoDrive.Application;

/// <summary>What to order from the catalogue: a product, how many, and the unit price agreed with the customer if it is not the list price.</summary>
/// <param name="ProductId">The product; its VAT rate, and its list price unless <paramref name="UnitPrice"/> is given, come from the catalogue.</param>
/// <param name="Quantity">How many units; at least one.</param>
/// <param name="UnitPrice">The agreed price of one unit, VAT excluded; the list price when <see langword="null"/>.</param>
public sealed record OrderItem(ProductId ProductId, int Quantity, Money? UnitPrice = null);

/// <summary>
/// The salesperson's side of an order (CRM): recording it, which hands it to the ERP through the outbox, and
/// reading its status as the ERP reports it.
/// </summary>
public sealed class SalesOrderService
{
    private readonly UseCaseRunner<SalesOrderPorts> _runner;
    private readonly IAccessPolicy _access;
    private readonly TimeProvider _clock;
    private readonly OrderStatusFeed _feed;
    private readonly PricingOptions _pricing;

    /// <summary>Creates the service; resolve it from DI (<c>AddEcoDrive</c>) rather than by hand.</summary>
    /// <param name="runner">Runs each operation in its own unit of work, with a fresh <see cref="SalesOrderPorts"/> (the ports it uses).</param>
    /// <param name="access">Decides what the caller may do.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="feed">Real-time status changes as the CRM applies them.</param>
    /// <param name="pricing">How far below list price each role may sell (<see cref="PricingOptions"/>).</param>
    public SalesOrderService(UseCaseRunner<SalesOrderPorts> runner, IAccessPolicy access, TimeProvider clock, OrderStatusFeed feed, IOptions<PricingOptions> pricing)
    {
        ArgumentNullException.ThrowIfNull(pricing);
        _runner = runner;
        _access = access;
        _clock = clock;
        _feed = feed;
        _pricing = pricing.Value;
    }

    /// <summary>
    /// Records an order in the CRM (status <see cref="OrderStatus.Submitted"/>) and, in the same unit of work, the
    /// <see cref="OrderSubmitted"/> message that hands it to the ERP.
    /// </summary>
    /// <param name="actor">The salesperson; needs <c>orders.create</c>.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="lines">What is ordered; at least one line, one currency.</param>
    /// <param name="cancellationToken">Cancels the operation; nothing is written then.</param>
    /// <returns>The new order's id, shared by the CRM and the ERP.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>orders.create</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such customer.</exception>
    /// <exception cref="InvalidInputException">There is no line.</exception>
    /// <exception cref="DiscountNotAllowedException">A discount is beyond the actor's limit with no approver, or beyond the approver's.</exception>
    public Task<OrderId> SubmitAsync(User actor, CustomerId customerId, IReadOnlyList<OrderLine> lines, CancellationToken cancellationToken) =>
        SubmitAsync(actor, customerId, lines, approvedBy: null, cancellationToken);

    /// <inheritdoc cref="SubmitAsync(User, CustomerId, IReadOnlyList{OrderLine}, CancellationToken)"/>
    /// <param name="actor">The salesperson; needs <c>orders.create</c>.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="lines">What is ordered; at least one line, one currency.</param>
    /// <param name="approvedBy">
    /// Who approved a price further below list than the actor's discount limit (<see cref="PricingOptions"/>): a user
    /// holding <c>prices.approve</c> whose limit covers it. Not needed, and ignored, within the actor's limit.
    /// </param>
    /// <param name="cancellationToken">Cancels the operation; nothing is written then.</param>
    public async Task<OrderId> SubmitAsync(
        User actor, CustomerId customerId, IReadOnlyList<OrderLine> lines, UserId? approvedBy = null, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.OrdersCreate);
        var now = _clock.GetUtcNow();
        _ = OrderView.Record(OrderId.New(), customerId, actor.Id, lines, now);
        var orderId = await _runner.RunAsync(
            async ports =>
            {
                var approval = await PriceCheck.ApproveAsync(actor, approvedBy, lines, ports.Catalogue, ports.Users, _access, _pricing, now, cancellationToken).ConfigureAwait(false);
                var view = OrderView.Record(OrderId.New(), customerId, actor.Id, lines, now, approval);
                await RecordAsync(ports.Customers, ports.OrderViews, ports.Outbox, view, cancellationToken).ConfigureAwait(false);
                return view.Id;
            },
            cancellationToken).ConfigureAwait(false);
        EcoDriveInstruments.OrdersSubmitted.Add(1);
        return orderId;
    }

    /// <summary>
    /// Records an order priced from the catalogue: each item at its agreed unit price, or at the product's list price
    /// when none is given, with the product's VAT rate; then as <see cref="SubmitAsync(User, CustomerId, IReadOnlyList{OrderLine}, UserId?, CancellationToken)"/>. The permission is checked
    /// before any product is read, so a caller who may not order learns nothing about the catalogue.
    /// </summary>
    /// <param name="actor">The salesperson; needs <c>orders.create</c>.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="items">What is ordered; at least one item, one currency.</param>
    /// <param name="cancellationToken">Cancels the operation; nothing is written then.</param>
    /// <returns>The new order's id, shared by the CRM and the ERP.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>orders.create</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such customer or product.</exception>
    /// <exception cref="InvalidInputException">There is no item, or a quantity is not positive.</exception>
    /// <exception cref="DiscountNotAllowedException">A discount is beyond the actor's limit with no approver, or beyond the approver's.</exception>
    public Task<OrderId> SubmitFromCatalogueAsync(User actor, CustomerId customerId, IReadOnlyList<OrderItem> items, CancellationToken cancellationToken) =>
        SubmitFromCatalogueAsync(actor, customerId, items, approvedBy: null, cancellationToken);

    /// <inheritdoc cref="SubmitFromCatalogueAsync(User, CustomerId, IReadOnlyList{OrderItem}, CancellationToken)"/>
    /// <param name="actor">The salesperson; needs <c>orders.create</c>.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="items">What is ordered; at least one item, one currency.</param>
    /// <param name="approvedBy">Who approved an agreed price further below list than the actor may give, as for <see cref="SubmitAsync(User, CustomerId, IReadOnlyList{OrderLine}, UserId?, CancellationToken)"/>.</param>
    /// <param name="cancellationToken">Cancels the operation; nothing is written then.</param>
    public async Task<OrderId> SubmitFromCatalogueAsync(
        User actor, CustomerId customerId, IReadOnlyList<OrderItem> items, UserId? approvedBy = null, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.OrdersCreate);
        ArgumentNullException.ThrowIfNull(items);
        var orderId = await _runner.RunAsync(
            async ports =>
            {
                var catalogue = ports.Catalogue;
                var lines = new List<OrderLine>();
                foreach (var item in items)
                {
                    ArgumentNullException.ThrowIfNull(item, nameof(items));
                    var product = await catalogue.RequireAsync(item.ProductId, cancellationToken).ConfigureAwait(false);
                    lines.Add(new OrderLine(product.Id, item.Quantity, item.UnitPrice ?? product.ListPrice, product.VatRate));
                }

                var now = _clock.GetUtcNow();
                var approval = await PriceCheck.ApproveAsync(actor, approvedBy, lines, catalogue, ports.Users, _access, _pricing, now, cancellationToken).ConfigureAwait(false);
                var view = OrderView.Record(OrderId.New(), customerId, actor.Id, lines, now, approval);
                await RecordAsync(ports.Customers, ports.OrderViews, ports.Outbox, view, cancellationToken).ConfigureAwait(false);
                return view.Id;
            },
            cancellationToken).ConfigureAwait(false);
        EcoDriveInstruments.OrdersSubmitted.Add(1);
        return orderId;
    }

    /// <summary>The orders of a customer as the CRM knows them, oldest first.</summary>
    /// <param name="actor">Who; needs <c>orders.read</c>.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>orders.read</c>.</exception>
    public Task<IReadOnlyList<OrderViewSnapshot>> ListByCustomerAsync(User actor, CustomerId customerId, CancellationToken cancellationToken = default) =>
        ListAsync(actor, views => views.FindByCustomerAsync(customerId, cancellationToken), cancellationToken);

    /// <summary>The orders a salesperson recorded, as the CRM knows them, oldest first.</summary>
    /// <param name="actor">Who; needs <c>orders.read</c>.</param>
    /// <param name="salespersonId">The salesperson.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>orders.read</c>.</exception>
    public Task<IReadOnlyList<OrderViewSnapshot>> ListBySalespersonAsync(User actor, UserId salespersonId, CancellationToken cancellationToken = default) =>
        ListAsync(actor, views => views.FindBySalespersonAsync(salespersonId, cancellationToken), cancellationToken);

    /// <summary>
    /// Stages a recorded order in the scope's unit of work: the CRM's view and the <see cref="OrderSubmitted"/>
    /// message that hands it to the ERP. The one path by which an order enters the system (directly, or from an
    /// accepted offer); the caller counts it in <see cref="EcoDriveTelemetry.OrdersSubmitted"/> once committed.
    /// </summary>
    /// <exception cref="EntityNotFoundException">No such customer.</exception>
    internal static async Task RecordAsync(
        ICustomerRepository customers, IOrderViewRepository orderViews, IOutbox outbox, OrderView view, CancellationToken cancellationToken)
    {
        _ = await customers.RequireAsync(view.CustomerId, cancellationToken).ConfigureAwait(false);
        orderViews.Add(view);
        outbox.Enqueue(
            new OrderSubmitted(Guid.CreateVersion7(), view.SubmittedAt, view.Id, view.CustomerId, view.SalespersonId, view.Lines));
    }

    private Task<IReadOnlyList<OrderViewSnapshot>> ListAsync(
        User actor, Func<IOrderViewRepository, Task<IReadOnlyList<OrderView>>> query, CancellationToken cancellationToken)
    {
        _access.Demand(actor, Permissions.OrdersRead);
        return _runner.RunAsync<IReadOnlyList<OrderViewSnapshot>>(
            async ports => [.. (await query(ports.OrderViews).ConfigureAwait(false)).Select(v => v.ToSnapshot())],
            cancellationToken);
    }

    /// <summary>The order as the CRM knows it: lines, current status and status history.</summary>
    /// <param name="actor">Who; needs <c>orders.read</c>.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>orders.read</c>.</exception>
    /// <exception cref="EntityNotFoundException">The CRM has no such order.</exception>
    public Task<OrderViewSnapshot> GetAsync(User actor, OrderId orderId, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.OrdersRead);
        return _runner.RunAsync(
            async ports => (await ports.OrderViews.RequireAsync(orderId, cancellationToken).ConfigureAwait(false)).ToSnapshot(),
            cancellationToken);
    }

    /// <summary>
    /// The order's status in real time: first every status the CRM already knows, then each new one as the CRM
    /// applies it, in version order, without gaps or repeats, until <paramref name="cancellationToken"/> is cancelled
    /// (or the order reaches a final status: Paid, Rejected or Cancelled).
    /// </summary>
    /// <param name="actor">Who; needs <c>orders.read</c>.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Ends the subscription.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>orders.read</c>.</exception>
    /// <exception cref="EntityNotFoundException">The CRM has no such order.</exception>
    public async IAsyncEnumerable<OrderStatusEntry> WatchAsync(User actor, OrderId orderId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.OrdersRead);
        var channel = _feed.Subscribe(orderId);
        try
        {
            var known = await GetAsync(actor, orderId, cancellationToken).ConfigureAwait(false);
            var version = 0L;
            foreach (var change in known.History)
            {
                version = change.Version;
                yield return change;
            }

            while (!IsFinal(known.History[^1].Status) && await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var change))
                {
                    if (change.Version <= version)
                    {
                        continue;
                    }

                    if (change.Version > version + 1)
                    {
                        // A report overtook another: read what the CRM has applied so the sequence has no gap.
                        known = await GetAsync(actor, orderId, cancellationToken).ConfigureAwait(false);
                        foreach (var missed in known.History.Where(h => h.Version > version))
                        {
                            version = missed.Version;
                            yield return missed;
                        }

                        continue;
                    }

                    version = change.Version;
                    yield return change;
                    if (IsFinal(change.Status))
                    {
                        yield break;
                    }
                }
            }
        }
        finally
        {
            _feed.Unsubscribe(orderId, channel);
        }
    }

    private static bool IsFinal(OrderStatus status) => status is OrderStatus.Paid or OrderStatus.Rejected or OrderStatus.Cancelled;
}
