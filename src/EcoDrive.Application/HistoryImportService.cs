using System.Runtime.ExceptionServices;
using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Crm.Leads;
using EcoDrive.Crm.Orders;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Orders;
using EcoDrive.Erp.Stock;
using EcoDrive.Application.Import;
using EcoDrive.Application.Ports;
using Microsoft.Extensions.Options;

namespace EcoDrive.Application;

/// <summary>
/// Imports the history of a previous system (customers, leads with their outcome, orders with their status history,
/// invoices and payments) in large batches: each batch is checked, built through the domain in memory (the order's state
/// machine, <see cref="Invoice.Issue"/> with numbers from the store's counter) and written by the storage adapter in one
/// transaction. A batch is stored whole or not at all.
/// </summary>
/// <remarks>
/// Imported orders send no message to the ERP and move no stock: their history already happened. Set the stock levels
/// with <see cref="FulfilmentService"/>. Import in chronological order: invoice numbers follow issue times, so a batch
/// whose invoices are dated before the last invoice already numbered in their year is refused.
/// </remarks>
public sealed class HistoryImportService
{
    private const int MaxAttempts = 10;

    private readonly UseCaseRunner<HistoryImportPorts> _runner;
    private readonly IAccessPolicy _access;
    private readonly TimeProvider _clock;
    private readonly IOptions<InvoicingOptions> _options;

    /// <summary>Creates the service; resolve it from DI (<c>AddEcoDrive</c>) rather than by hand.</summary>
    /// <param name="runner">Opens the scope of each attempt at a batch, with a fresh <see cref="HistoryImportPorts"/> (the ports it uses).</param>
    /// <param name="access">Decides what the caller may do.</param>
    /// <param name="clock">The clock: nothing imported may be dated after now.</param>
    /// <param name="options">Seller identity, payment terms and time zone of the imported invoices.</param>
    public HistoryImportService(UseCaseRunner<HistoryImportPorts> runner, IAccessPolicy access, TimeProvider clock, IOptions<InvoicingOptions> options)
    {
        _runner = runner;
        _access = access;
        _clock = clock;
        _options = options;
    }

    /// <summary>
    /// Imports one batch in one transaction: its customers and leads as given, and each order replayed through the
    /// order's state machine, both as the ERP's order and as the CRM's view of it (same history, same version). An order
    /// that reaches <see cref="OrderStatus.Invoiced"/> gets its invoice, numbered from a block of the <c>FA</c> series
    /// reserved in the same transaction, in order of issue time; one that reaches <see cref="OrderStatus.Paid"/> gets a
    /// payment of the whole invoice. The invoice lines are stored for the revenue KPI like any other.
    /// </summary>
    /// <param name="actor">Who; needs <c>history.import</c>. Also the actor of the changes that name none but need a person.</param>
    /// <param name="batch">The batch.</param>
    /// <param name="cancellationToken">Cancels the import; nothing of the batch is stored then.</param>
    /// <returns>What was stored.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>history.import</c>.</exception>
    /// <exception cref="InvalidInputException">
    /// An id is given twice, two customers share an e-mail or phone, something is dated after now, or an order's history
    /// goes back in time or submits it twice.
    /// </exception>
    /// <exception cref="EntityNotFoundException">An order or a won lead names a customer, or an order line a product, that neither the batch nor the store has.</exception>
    /// <exception cref="InvalidTransitionException">An order's history takes a path its state machine refuses.</exception>
    /// <exception cref="DomainException">
    /// <c>import.order-in-progress</c>: an order ends waiting for stock or in the warehouse; <c>invoice.not-chronological</c>:
    /// an invoice is dated before the last one numbered in its year; <c>invoice.customer-incomplete</c>: an invoiced
    /// customer has no billing address.
    /// </exception>
    /// <exception cref="AlreadyStoredException">An id of the batch is already stored.</exception>
    public Task<HistoryImportReport> ImportAsync(User actor, HistoryBatch batch, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.HistoryImport);
        ArgumentNullException.ThrowIfNull(batch);
        return WriteAsync(actor, batch, Prepare(actor, batch), cancellationToken);
    }

    /// <summary>
    /// Imports batches one after the other, as <see cref="ImportAsync(User, HistoryBatch, CancellationToken)"/> does
    /// each, while the next batch is read and replayed on another thread: the store's writer never waits for the domain.
    /// Batches committed before one fails stay stored; the failing one stores nothing.
    /// </summary>
    /// <param name="actor">Who; needs <c>history.import</c>.</param>
    /// <param name="batches">The batches, in chronological order (invoice numbers follow issue times).</param>
    /// <param name="progress">Told the running total after each committed batch, if given.</param>
    /// <param name="cancellationToken">Cancels the import between or within batches; the current batch is then not stored.</param>
    /// <returns>What was stored, all batches together.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>history.import</c>.</exception>
    /// <exception cref="InvalidInputException">A batch is malformed (see the single-batch overload).</exception>
    /// <exception cref="DomainException">A batch breaks a rule (see the single-batch overload); the batches before it stay stored.</exception>
    public async Task<HistoryImportReport> ImportAsync(
        User actor, IAsyncEnumerable<HistoryBatch> batches, IProgress<HistoryImportReport>? progress = null, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.HistoryImport);
        ArgumentNullException.ThrowIfNull(batches);
        var total = HistoryImportReport.Empty;
        var reader = batches.GetAsyncEnumerator(cancellationToken);
        await using (reader.ConfigureAwait(false))
        {
            var next = Task.Run(() => ReadAsync(reader, actor), cancellationToken);
            try
            {
                while (await next.ConfigureAwait(false) is { } current)
                {
                    next = Task.Run(() => ReadAsync(reader, actor), cancellationToken);
                    total = total.Add(await WriteAsync(actor, current.Batch, current.Replays, cancellationToken).ConfigureAwait(false));
                    progress?.Report(total);
                }
            }
            catch when (!next.IsCompleted)
            {
                // Let the read under way finish before the reader is disposed; the first error is the one to report.
                await next.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
                throw;
            }
        }

        return total;
    }

    private async Task<(HistoryBatch Batch, OrderReplay[] Replays)?> ReadAsync(IAsyncEnumerator<HistoryBatch> reader, User actor)
    {
        if (!await reader.MoveNextAsync().ConfigureAwait(false))
        {
            return null;
        }

        var batch = reader.Current ?? throw new InvalidInputException(ErrorCodes.Input.Required, "A batch of the import is null.", "batches");
        return (batch, Prepare(actor, batch));
    }

    /// <summary>Checks a batch and replays its orders up to their invoices: everything that needs neither the store nor a number.</summary>
    private OrderReplay[] Prepare(User actor, HistoryBatch batch)
    {
        Check(batch, _clock.GetUtcNow());
        foreach (var lead in batch.Leads)
        {
            lead.TakeDomainEvents();
        }

        var replays = new OrderReplay[batch.Orders.Count];
        Chunks.ForEach(batch.Orders.Count, i => replays[i] = OrderReplay.UpToInvoice(batch.Orders[i], actor.Id));
        return replays;
    }

    private async Task<HistoryImportReport> WriteAsync(User actor, HistoryBatch batch, OrderReplay[] replays, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteOnceAsync(actor, batch, replays, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Another writer took the counter first (the in-memory store is optimistic): replay the batch again.
                replays = Prepare(actor, batch);
            }
        }
    }

    private Task<HistoryImportReport> WriteOnceAsync(User actor, HistoryBatch batch, OrderReplay[] replays, CancellationToken cancellationToken) =>
        _runner.RunUncommittedAsync(ports => WriteOnceAsync(ports, actor, batch, replays, cancellationToken));

    // One attempt, in one scope: the store's transaction commits the batch, not the scope's unit of work.
    private async Task<HistoryImportReport> WriteOnceAsync(
        HistoryImportPorts ports, User actor, HistoryBatch batch, OrderReplay[] replays, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var customers = await CustomersAsync(ports.Customers, batch, cancellationToken).ConfigureAwait(false);
        var products = await ProductsAsync(ports.Catalogue, batch, cancellationToken).ConfigureAwait(false);
        var toInvoice = replays
            .Where(r => r.InvoiceStep >= 0)
            .GroupBy(r => options.DateOf(r.InvoicedAt).Year)
            .OrderBy(g => g.Key)
            .Select(g => g.OrderBy(r => r.InvoicedAt).ThenBy(r => r.Order.Id.Value).ToArray())
            .ToArray();

        var transaction = await ports.Store.BeginAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var blocks = new List<InvoiceNumberBlock>();
            var invoices = new List<Invoice>();
            foreach (var year in toInvoice)
            {
                var block = await transaction.ReserveInvoiceNumbersAsync(options.DateOf(year[0].InvoicedAt).Year, year.Length, cancellationToken).ConfigureAwait(false);
                if (block.PreviousIssuedAt is { } previous && year[0].InvoicedAt < previous)
                {
                    throw new DomainException(
                        ErrorCodes.Invoice.NotChronological,
                        $"The invoice of order {year[0].Order.Id}, issued {year[0].InvoicedAt:u}, would be numbered {block[0]}, after an invoice issued {previous:u}: " +
                        "invoice numbers follow issue times. Import history in chronological order, before issuing new invoices in that year.");
                }

                var issued = new Invoice[year.Length];
                Chunks.ForEach(year.Length, i => issued[i] = year[i].FromInvoice(block[i], customers, products, options, actor.Id));
                blocks.Add(block);
                invoices.AddRange(issued);
            }

            var orders = new Order[replays.Length];
            var views = new OrderView[replays.Length];
            Chunks.ForEach(replays.Length, i =>
            {
                var order = orders[i] = replays[i].Order;
                var view = views[i] = OrderView.Record(order.Id, order.CustomerId, order.SalespersonId, order.Lines, order.SubmittedAt);
                for (var change = 1; change < order.History.Count; change++)
                {
                    view.Apply(order.History[change]);
                }

                order.TakeDomainEvents();
            });

            await transaction.WriteAsync(new ImportedAggregates(batch.Customers, batch.Leads, views, orders, invoices), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new HistoryImportReport(batch.Customers.Count, batch.Leads.Count, orders.Length, invoices.Count, blocks);
        }
    }

    /// <summary>The rules that need no store: unique ids and contacts, nothing in the future, histories forward in time.</summary>
    private static void Check(HistoryBatch batch, DateTimeOffset now)
    {
        Unique(batch.Customers.Select(c => c.Id), "customer");
        Unique(batch.Leads.Select(l => l.Id), "lead");
        Unique(batch.Orders.Select(o => o.Id), "order");
        var contacts = new Dictionary<string, CustomerId>(StringComparer.Ordinal);
        foreach (var customer in batch.Customers)
        {
            foreach (var contact in new[] { customer.Email?.Value, customer.Phone?.ToString() })
            {
                if (contact is not null && !contacts.TryAdd(contact, customer.Id))
                {
                    throw new InvalidInputException(ErrorCodes.Input.Inconsistent, $"Customers {contacts[contact]} and {customer.Id} share the contact {contact}: import one customer per person.", nameof(batch));
                }
            }

            NotAfter(now, customer.CreatedAt, "customer", customer.Id);
        }

        foreach (var lead in batch.Leads)
        {
            NotAfter(now, lead.History.Count == 0 ? lead.CreatedAt : lead.History[^1].At, "lead", lead.Id);
        }

        foreach (var order in batch.Orders)
        {
            ArgumentNullException.ThrowIfNull(order.Lines, nameof(batch));
            ArgumentNullException.ThrowIfNull(order.Changes, nameof(batch));
            var at = order.SubmittedAt;
            foreach (var change in order.Changes)
            {
                ArgumentNullException.ThrowIfNull(change, nameof(batch));
                if (change.At < at)
                {
                    throw new InvalidInputException(ErrorCodes.Input.Inconsistent, $"The history of order {order.Id} goes back in time: {change.Status} at {change.At:u} comes after {at:u}. Give its changes oldest first.", nameof(batch));
                }

                at = change.At;
            }

            NotAfter(now, at, "order", order.Id);
            var last = order.Changes.Count == 0 ? OrderStatus.Submitted : order.Changes[^1].Status;
            if (last is not (OrderStatus.Shipped or OrderStatus.Invoiced or OrderStatus.Paid or OrderStatus.Rejected or OrderStatus.Cancelled))
            {
                throw new DomainException(
                    ErrorCodes.Import.OrderInProgress,
                    $"Order {order.Id} ends {last}: an order waiting for stock or in the warehouse holds stock, which an import does not move. " +
                    "Import it once shipped, rejected or cancelled, or submit it with SalesOrderService.");
            }
        }

        static void Unique<TId>(IEnumerable<TId> ids, string kind)
        {
            var seen = new HashSet<TId>();
            foreach (var id in ids)
            {
                if (!seen.Add(id))
                {
                    throw new InvalidInputException(ErrorCodes.Input.Inconsistent, $"The {kind} {id} is given twice in the batch: give each once.", nameof(batch));
                }
            }
        }

        static void NotAfter<TId>(DateTimeOffset now, DateTimeOffset at, string kind, TId id)
        {
            if (at > now)
            {
                throw new InvalidInputException(ErrorCodes.Input.OutOfRange, $"The {kind} {id} is dated {at:u}, after now ({now:u}): history cannot be in the future.", nameof(batch));
            }
        }
    }

    /// <summary>The customers the batch's orders and won leads name: its own, and those read from the store.</summary>
    private static async Task<Dictionary<CustomerId, Customer>> CustomersAsync(ICustomerRepository repository, HistoryBatch batch, CancellationToken cancellationToken)
    {
        var customers = batch.Customers.ToDictionary(c => c.Id);
        var named = batch.Orders.Select(o => o.CustomerId).Concat(batch.Leads.Select(l => l.CustomerId).OfType<CustomerId>());
        foreach (var id in named.Where(id => !customers.ContainsKey(id)).Distinct().ToArray())
        {
            customers[id] = await repository.RequireAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return customers;
    }

    private static async Task<Dictionary<ProductId, Product>> ProductsAsync(IProductCatalogue catalogue, HistoryBatch batch, CancellationToken cancellationToken)
    {
        var products = new Dictionary<ProductId, Product>();
        foreach (var id in batch.Orders.SelectMany(o => o.Lines).Select(l => l.ProductId).Distinct().ToArray())
        {
            products[id] = await catalogue.RequireAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return products;
    }

    /// <summary>An imported order replayed through its state machine: up to its invoice first, the rest once the invoice has its number.</summary>
    private sealed class OrderReplay
    {
        private readonly ImportedOrder _source;
        private readonly UserId _importer;

        private OrderReplay(ImportedOrder source, UserId importer, Order order, int invoiceStep)
        {
            _source = source;
            _importer = importer;
            Order = order;
            InvoiceStep = invoiceStep;
        }

        public Order Order { get; }

        /// <summary>The index of the <see cref="OrderStatus.Invoiced"/> change, or −1.</summary>
        public int InvoiceStep { get; }

        public DateTimeOffset InvoicedAt => _source.Changes[InvoiceStep].At;

        public static OrderReplay UpToInvoice(ImportedOrder source, UserId importer)
        {
            var order = Order.Submit(source.Id, source.CustomerId, source.SalespersonId, source.Lines, source.SubmittedAt);
            var step = 0;
            for (; step < source.Changes.Count && source.Changes[step].Status != OrderStatus.Invoiced; step++)
            {
                Apply(order, source.Changes[step], importer);
            }

            return new OrderReplay(source, importer, order, step < source.Changes.Count ? step : -1);
        }

        /// <summary>Issues the order's invoice with <paramref name="number"/>, then replays what followed (its payment).</summary>
        public Invoice FromInvoice(
            InvoiceNumber number, IReadOnlyDictionary<CustomerId, Customer> customers, IReadOnlyDictionary<ProductId, Product> products, InvoicingOptions options, UserId importer)
        {
            var change = _source.Changes[InvoiceStep];
            var invoice = Invoice.Issue(InvoiceId.New(), number, Order, customers[Order.CustomerId], products, options, change.At, _source.PaymentTerms);
            Order.MarkInvoiced(invoice.Id, change.Actor ?? importer, change.At);
            for (var step = InvoiceStep + 1; step < _source.Changes.Count; step++)
            {
                var next = _source.Changes[step];
                if (next.Status == OrderStatus.Paid && invoice.AmountDue.Amount > 0m)
                {
                    invoice.RecordPayment(invoice.AmountDue, next.At);
                }

                if (next.Status == OrderStatus.Paid)
                {
                    Order.MarkPaid(invoice.AmountDue, next.Actor ?? importer, next.At);
                }
                else
                {
                    Apply(Order, next, importer);
                }
            }

            invoice.TakeDomainEvents();
            return invoice;
        }

        private static void Apply(Order order, ImportedStatusChange change, UserId importer)
        {
            var at = change.At;
            switch (change.Status)
            {
                case OrderStatus.Confirmed:
                    order.Confirm(StockAllocation.Recorded(order.Id), change.Actor, at);
                    break;
                case OrderStatus.Backordered:
                    order.Backorder(change.Actor, at);
                    break;
                case OrderStatus.Rejected:
                    order.Reject(change.Reason!, change.Actor, at);
                    break;
                case OrderStatus.InPreparation:
                    order.StartPreparation(change.Actor ?? importer, at);
                    break;
                case OrderStatus.Shipped:
                    order.Ship(change.Actor ?? importer, at);
                    break;
                case OrderStatus.Cancelled:
                    order.Cancel(change.Reason!, change.Actor ?? importer, at);
                    break;
                case OrderStatus.Invoiced:
                    // A second invoice: the state machine refuses it from wherever the order is.
                    order.MarkInvoiced(InvoiceId.New(), change.Actor ?? importer, at);
                    break;
                case OrderStatus.Paid:
                    // Paid before any invoice: the state machine refuses it.
                    order.MarkPaid(Money.Zero(order.Lines[0].UnitPrice.Currency), change.Actor ?? importer, at);
                    break;
                default:
                    throw new InvalidInputException(ErrorCodes.Input.Inconsistent, $"Order {order.Id} is submitted once, at its SubmittedAt; its changes cannot submit it again.", nameof(change));
            }
        }
    }

    /// <summary>Runs a body over indexes, in parallel chunks for large batches; the error of the lowest index wins, as if it had run in order.</summary>
    private static class Chunks
    {
        private const int Size = 1024;

        public static void ForEach(int count, Action<int> body)
        {
            if (count <= Size)
            {
                for (var i = 0; i < count; i++)
                {
                    body(i);
                }

                return;
            }

            var errors = new (int Index, Exception Error)?[(count + Size - 1) / Size];
            Parallel.For(0, errors.Length, chunk =>
            {
                for (var i = chunk * Size; i < Math.Min(count, (chunk + 1) * Size); i++)
                {
                    try
                    {
                        body(i);
                    }
                    catch (Exception error)
                    {
                        errors[chunk] = (i, error);
                        return;
                    }
                }
            });

            if (errors.FirstOrDefault(e => e is not null) is { } first)
            {
                ExceptionDispatchInfo.Throw(first.Error);
            }
        }
    }
}
