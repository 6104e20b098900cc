using System.Runtime.CompilerServices;
using EcoDrive.Core.Access;
using EcoDrive.Crm;
using EcoDrive.Crm.Leads;
using EcoDrive.Crm.Offers;
using EcoDrive.Crm.Orders;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Application.Ports;
using EcoDrive.Application.Telemetry;
using Microsoft.Extensions.Options;

namespace EcoDrive.Application;

/// <summary>What to put on an offer: a catalogue product, how many, and the discount on each unit.</summary>
/// <param name="ProductId">The product; its name, list price and VAT rate come from the catalogue.</param>
/// <param name="Quantity">How many units; at least one.</param>
/// <param name="Discount">The discount on each unit; <see cref="Discount.None"/> for none.</param>
public sealed record OfferItem(ProductId ProductId, int Quantity, Discount Discount = default);

/// <summary>
/// Personalised offers (quotes): drafting them from the catalogue, sending, recording the customer's answer,
/// expiring them, and turning an accepted one into an order that travels to the ERP exactly like an order recorded
/// directly. Every operation checks <c>leads.manage</c> first.
/// </summary>
public sealed class OfferService
{
    private readonly UseCaseRunner<OfferPorts> _runner;
    private readonly IAccessPolicy _access;
    private readonly TimeProvider _clock;
    private readonly PricingOptions _pricing;

    /// <summary>Creates the service; resolve it from DI (<c>AddEcoDrive</c>) rather than by hand.</summary>
    /// <param name="runner">Runs each operation in its own unit of work, with a fresh <see cref="OfferPorts"/> (the ports it uses).</param>
    /// <param name="access">Decides what the caller may do.</param>
    /// <param name="clock">The clock; offer expiry is judged by it.</param>
    /// <param name="pricing">How far below list price each role may sell (<see cref="PricingOptions"/>), checked when an offer becomes an order.</param>
    public OfferService(UseCaseRunner<OfferPorts> runner, IAccessPolicy access, TimeProvider clock, IOptions<PricingOptions> pricing)
    {
        ArgumentNullException.ThrowIfNull(pricing);
        _pricing = pricing.Value;
        _runner = runner;
        _access = access;
        _clock = clock;
    }

    /// <summary>Drafts an offer to a customer or a lead, priced from the catalogue (list price less each item's discount).</summary>
    /// <param name="actor">The salesperson; needs <c>leads.manage</c>.</param>
    /// <param name="party">The customer or lead.</param>
    /// <param name="items">Products, quantities and discounts; at least one.</param>
    /// <param name="validUntil">The last moment at which it can be accepted; in the future.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The offer's id.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such customer, lead or product.</exception>
    /// <exception cref="InvalidInputException">There is no item, a quantity is not positive, a discount exceeds the price, or the validity is not in the future.</exception>
    /// <exception cref="DiscountNotAllowedException">A discount is beyond the actor's limit (<see cref="PricingOptions"/>).</exception>
    public Task<OfferId> DraftAsync(User actor, PartyRef party, IReadOnlyList<OfferItem> items, DateTimeOffset validUntil, CancellationToken cancellationToken) =>
        DraftAsync(actor, party, items, validUntil, approvedBy: null, cancellationToken);

    /// <inheritdoc cref="DraftAsync(User, PartyRef, IReadOnlyList{OfferItem}, DateTimeOffset, CancellationToken)"/>
    /// <param name="actor">The salesperson; needs <c>leads.manage</c>.</param>
    /// <param name="party">The customer or lead.</param>
    /// <param name="items">Products, quantities and discounts; at least one.</param>
    /// <param name="validUntil">The last moment at which it can be accepted; in the future.</param>
    /// <param name="approvedBy">
    /// Who approved a discount beyond the actor's own limit: a user holding <c>prices.approve</c> whose limit covers it.
    /// The offer keeps the approval, and the order it becomes carries it.
    /// </param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="DiscountNotAllowedException">A discount is beyond the actor's limit with no approver, or beyond the approver's.</exception>
    public Task<OfferId> DraftAsync(
        User actor, PartyRef party, IReadOnlyList<OfferItem> items, DateTimeOffset validUntil, UserId? approvedBy = null, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.LeadsManage);
        ArgumentNullException.ThrowIfNull(items);
        return _runner.RunAsync(
            async ports =>
            {
                await RepositoryExtensions.RequirePartyAsync(ports.Customers, ports.Leads, party, cancellationToken).ConfigureAwait(false);
                var catalogue = ports.Catalogue;
                var lines = new List<OfferLine>();
                foreach (var item in items)
                {
                    var product = await catalogue.FindAsync(item.ProductId, cancellationToken).ConfigureAwait(false)
                        ?? throw new EntityNotFoundException(ErrorCodes.Product.NotFound, item.ProductId.ToString());
                    lines.Add(new OfferLine(product.Id, product.Name, item.Quantity, product.ListPrice, product.VatRate, item.Discount));
                }

                var now = _clock.GetUtcNow();
                var approval = await PriceCheck.ApproveAsync(
                    actor, approvedBy, lines.Select(l => l.ToOrderLine()), catalogue, ports.Users, _access, _pricing, now, cancellationToken).ConfigureAwait(false);
                var offer = Offer.Draft(OfferId.New(), party, lines, validUntil, actor.Id, now, approval);
                ports.Offers.Add(offer);
                return offer.Id;
            },
            cancellationToken);
    }

    /// <summary>
    /// Records that the offer was sent. A qualified lead it is for moves to <see cref="LeadStage.OfferSent"/> in the
    /// same unit of work; a lead in another stage keeps its stage.
    /// </summary>
    /// <param name="actor">Who; needs <c>leads.manage</c>.</param>
    /// <param name="offerId">The offer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such offer.</exception>
    /// <exception cref="InvalidTransitionException"><c>offer.invalid-transition</c>: it is not a draft.</exception>
    /// <exception cref="OfferExpiredException"><c>offer.expired</c>: its validity has already ended.</exception>
    public Task SendAsync(User actor, OfferId offerId, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            actor,
            offerId,
            async (ports, offer, at) =>
            {
                offer.Send(actor.Id, at);
                if (offer.Party.LeadId is { } leadId)
                {
                    var leads = ports.Leads;
                    var lead = await leads.RequireAsync(leadId, cancellationToken).ConfigureAwait(false);
                    if (lead.Stage == LeadStage.Qualified)
                    {
                        lead.SendOffer(actor.Id, at);
                        leads.Update(lead);
                    }
                }
            },
            cancellationToken);

    /// <summary>Records the customer's acceptance; refused once the validity has ended (judged by the clock).</summary>
    /// <param name="actor">Who recorded it; needs <c>leads.manage</c>.</param>
    /// <param name="offerId">The offer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such offer.</exception>
    /// <exception cref="InvalidTransitionException"><c>offer.invalid-transition</c>: it was not sent, or was already answered.</exception>
    /// <exception cref="OfferExpiredException"><c>offer.expired</c>: its validity has ended.</exception>
    public Task AcceptAsync(User actor, OfferId offerId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, offerId, (offer, at) => offer.Accept(actor.Id, at), cancellationToken);

    /// <summary>Records that the customer declined.</summary>
    /// <param name="actor">Who recorded it; needs <c>leads.manage</c>.</param>
    /// <param name="offerId">The offer.</param>
    /// <param name="reason">Why; required.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such offer.</exception>
    /// <exception cref="InvalidInputException"><paramref name="reason"/> is blank.</exception>
    /// <exception cref="InvalidTransitionException"><c>offer.invalid-transition</c>: it was not sent, or was already answered.</exception>
    public Task DeclineAsync(User actor, OfferId offerId, string reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, offerId, (offer, at) => offer.Decline(reason, actor.Id, at), cancellationToken);

    /// <summary>Records the expiry of every sent offer whose validity has ended (a sweep to run daily, for instance).</summary>
    /// <param name="actor">Who runs the sweep; needs <c>leads.manage</c>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many offers expired.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    public Task<int> ExpireDueAsync(User actor, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.LeadsManage);
        return _runner.RunAsync(
            async ports =>
            {
                var offers = ports.Offers;
                var now = _clock.GetUtcNow();
                var expired = await offers.FindSentExpiredAsync(now, cancellationToken).ConfigureAwait(false);
                foreach (var offer in expired)
                {
                    offer.Expire(null, now);
                    offers.Update(offer);
                }

                return expired.Count;
            },
            cancellationToken);
    }

    /// <summary>
    /// Turns an accepted offer into an order: the order is recorded in the CRM at the offer's discounted prices and
    /// handed to the ERP through the outbox in the same unit of work, exactly as <see cref="SalesOrderService.SubmitAsync(User, CustomerId, IReadOnlyList{OrderLine}, UserId?, CancellationToken)"/>
    /// does; the offer keeps the order's id and cannot be ordered twice. The offer's customer is its party, or the
    /// customer its lead became. An offer approved when drafted gives the order its approval; otherwise its discounts
    /// follow the pricing rule of any order (<see cref="PricingOptions"/>).
    /// </summary>
    /// <param name="actor">The salesperson recording the order; needs <c>leads.manage</c> and <c>orders.create</c>.</param>
    /// <param name="offerId">The accepted offer.</param>
    /// <param name="cancellationToken">Cancels the operation; nothing is written then.</param>
    /// <returns>The new order's id, shared by the CRM and the ERP.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks a permission.</exception>
    /// <exception cref="EntityNotFoundException">No such offer, lead or customer.</exception>
    /// <exception cref="InvalidTransitionException"><c>offer.invalid-transition</c>: the offer is not accepted.</exception>
    /// <exception cref="DomainException"><c>offer.already-ordered</c> (it already became an order) or <c>offer.lead-not-converted</c> (its lead is not won yet).</exception>
    /// <exception cref="DiscountNotAllowedException">A discount is beyond the actor's limit with no approver, or beyond the approver's.</exception>
    public Task<OrderId> SubmitOrderAsync(User actor, OfferId offerId, CancellationToken cancellationToken) =>
        SubmitOrderAsync(actor, offerId, approvedBy: null, cancellationToken);

    /// <inheritdoc cref="SubmitOrderAsync(User, OfferId, CancellationToken)"/>
    /// <param name="actor">The salesperson recording the order; needs <c>leads.manage</c> and <c>orders.create</c>.</param>
    /// <param name="offerId">The accepted offer.</param>
    /// <param name="approvedBy">Who approved a discount further below list than the actor may give, as for <see cref="SalesOrderService.SubmitAsync(User, CustomerId, IReadOnlyList{OrderLine}, UserId?, CancellationToken)"/>.</param>
    /// <param name="cancellationToken">Cancels the operation; nothing is written then.</param>
    public async Task<OrderId> SubmitOrderAsync(User actor, OfferId offerId, UserId? approvedBy = null, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.LeadsManage);
        _access.Demand(actor, Permissions.OrdersCreate);
        var orderId = await _runner.RunAsync(
            async ports =>
            {
                var offers = ports.Offers;
                var offer = await offers.RequireAsync(offerId, cancellationToken).ConfigureAwait(false);
                var customerId = offer.Party.CustomerId ?? await CustomerOfLeadAsync(ports, offer, cancellationToken).ConfigureAwait(false);
                var lines = offer.Lines.Select(l => l.ToOrderLine()).ToArray();
                var now = _clock.GetUtcNow();
                var approval = offer.PriceApproval
                    ?? await PriceCheck.ApproveAsync(actor, approvedBy, lines, ports.Catalogue, ports.Users, _access, _pricing, now, cancellationToken).ConfigureAwait(false);
                var view = OrderView.Record(OrderId.New(), customerId, actor.Id, lines, now, approval);
                offer.MarkOrdered(view.Id);
                offers.Update(offer);
                await SalesOrderService.RecordAsync(ports.Customers, ports.OrderViews, ports.Outbox, view, cancellationToken).ConfigureAwait(false);
                return view.Id;
            },
            cancellationToken).ConfigureAwait(false);
        EcoDriveInstruments.OrdersSubmitted.Add(1);
        return orderId;
    }

    /// <summary>An offer as stored; use <see cref="OfferSnapshot.StatusAsOf"/> for its status counting expiry.</summary>
    /// <param name="actor">Who; needs <c>leads.manage</c>.</param>
    /// <param name="offerId">The offer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such offer.</exception>
    public Task<OfferSnapshot> GetAsync(User actor, OfferId offerId, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.LeadsManage);
        return _runner.RunAsync(
            async ports => (await ports.Offers.RequireAsync(offerId, cancellationToken).ConfigureAwait(false)).ToSnapshot(),
            cancellationToken);
    }

    private static async Task<CustomerId> CustomerOfLeadAsync(OfferPorts ports, Offer offer, CancellationToken cancellationToken)
    {
        var lead = await ports.Leads.RequireAsync(offer.Party.LeadId!.Value, cancellationToken).ConfigureAwait(false);
        return lead.CustomerId ?? throw new DomainException(
            ErrorCodes.Offer.LeadNotConverted,
            $"Offer {offer.Id} is for lead {lead.Id}, which is {lead.Stage}: an order needs a customer. Win the lead first (LeadService.WinAsync), then submit the order.");
    }

    private Task ChangeAsync(
        User actor, OfferId offerId, Action<Offer, DateTimeOffset> change, CancellationToken cancellationToken, [CallerMemberName] string useCase = "") =>
        ChangeAsync(
            actor,
            offerId,
            (_, offer, at) =>
            {
                change(offer, at);
                return Task.CompletedTask;
            },
            cancellationToken,
            useCase);

    private Task ChangeAsync(
        User actor, OfferId offerId, Func<OfferPorts, Offer, DateTimeOffset, Task> change, CancellationToken cancellationToken, [CallerMemberName] string useCase = "")
    {
        _access.Demand(actor, Permissions.LeadsManage);
        return _runner.RunAsync(
            async ports =>
            {
                var offers = ports.Offers;
                var offer = await offers.RequireAsync(offerId, cancellationToken).ConfigureAwait(false);
                await change(ports, offer, _clock.GetUtcNow()).ConfigureAwait(false);
                offers.Update(offer);
            },
            cancellationToken,
            useCase);
    }
}
