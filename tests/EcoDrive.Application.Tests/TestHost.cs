using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Crm;
using EcoDrive.Crm.Campaigns;
using EcoDrive.Crm.Leads;
using EcoDrive.Crm.Offers;
using EcoDrive.Application;
using EcoDrive.Application.Messaging;
using EcoDrive.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EcoDrive.Application.Tests;

/// <summary>The SDK wired as an application would wire it, on in-memory storage and a fake clock, with its users in the directory.</summary>
internal sealed class TestHost : IAsyncDisposable
{
    public static readonly User Admin = new(UserId.New(), "Alex", Role.Administrator);
    public static readonly User Sophie = new(UserId.New(), "Sophie", Role.Salesperson);
    public static readonly User Marc = new(UserId.New(), "Marc", Role.Warehouse);
    public static readonly User Claire = new(UserId.New(), "Claire", Role.Accountant);
    public static readonly User Helene = new(UserId.New(), "Hélène", Role.SalesDirector);
    public static readonly User Mathis = new(UserId.New(), "Mathis", Role.Salesperson);
    public static readonly User Manon = new(UserId.New(), "Manon", Role.Marketing);

    private readonly ServiceProvider _services;

    public TestHost(Action<IServiceCollection>? storage = null)
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton<IUserDirectory>(new InMemoryUserDirectory([Admin, Sophie, Marc, Claire, Helene, Mathis, Manon]))
            .AddEcoDrive();
        (storage ?? (s => s.AddEcoDriveInMemoryStorage()))(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _services;

    public CustomerService Customers => Get<CustomerService>();

    public LeadService Leads => Get<LeadService>();

    public SalesOrderService Sales => Get<SalesOrderService>();

    public SalesActivityService Activities => Get<SalesActivityService>();

    public OfferService Offers => Get<OfferService>();

    public CampaignService Campaigns => Get<CampaignService>();

    public InMemoryMessageSender Outgoing => Get<InMemoryMessageSender>();

    public FulfilmentService Fulfilment => Get<FulfilmentService>();

    public PurchasingService Purchasing => Get<PurchasingService>();

    public BillingService Billing => Get<BillingService>();

    public DashboardService Dashboard => Get<DashboardService>();

    public OutboxDispatcher Dispatcher => Get<OutboxDispatcher>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async Task<ProductId> AddSuvAsync(int inStock, int reorderPoint = 0)
    {
        var suv = await Fulfilment.AddProductAsync(Admin, "Volt X5 SUV", ProductSegment.Suv, Money.Euros(42_000m), VatRate.FrenchStandard, reorderPoint);
        if (inStock > 0)
        {
            await Fulfilment.ReceiveStockAsync(Marc, suv, inStock);
        }

        return suv;
    }

    public Task<CustomerId> AddCamilleAsync() => Customers.CreateIndividualAsync(
        Sophie, "Camille", "Martin", ContactDetails.Parse("camille.martin@example.fr", "06 12 34 56 78", new PostalAddress("12 rue des Lilas", "69003", "Lyon")));

    /// <summary>Submits an order in the CRM and lets the ERP take it over; the clock moves a minute first, so orders are submitted in call order.</summary>
    public async Task<OrderId> SubmitAndDispatchAsync(CustomerId customer, params OrderLine[] lines)
    {
        Clock.Advance(TimeSpan.FromMinutes(1));
        var orderId = await Sales.SubmitAsync(Sophie, customer, lines);
        await Dispatcher.DrainAsync();
        return orderId;
    }

    public async Task<OrderStatus> CrmStatusAsync(OrderId orderId)
    {
        await Dispatcher.DrainAsync();
        return (await Sales.GetAsync(Sophie, orderId)).Status;
    }

    /// <summary>A new SUV in stock, ordered once by Camille (created, or found when she exists), shipped and invoiced.</summary>
    public async Task<(OrderId OrderId, Erp.Invoices.InvoiceSummary Invoice)> InvoicedOrderAsync()
    {
        var suv = await AddSuvAsync(inStock: 1);
        CustomerId camille;
        try
        {
            camille = await AddCamilleAsync();
        }
        catch (DuplicateCustomerException duplicate)
        {
            camille = duplicate.ExistingId;
        }

        var orderId = await SubmitAndDispatchAsync(camille, Suvs(suv, 1));
        await Fulfilment.StartPreparationAsync(Marc, orderId);
        await Fulfilment.ShipAsync(Marc, orderId);
        var invoice = await Billing.IssueInvoiceAsync(Claire, orderId);
        await Dispatcher.DrainAsync();
        return (orderId, invoice);
    }

    /// <summary>A showroom lead captured, contacted and qualified by Sophie.</summary>
    public async Task<LeadId> QualifiedLeadAsync(string email, string? phone = null, ProductSegment? interest = null)
    {
        var lead = await Leads.CaptureAsync(
            Sophie, "Camille", "Martin", ContactDetails.Parse(email, phone), LeadSource.From(LeadChannel.Showroom), [interest ?? ProductSegment.Suv]);
        await Leads.ContactAsync(Sophie, lead);
        await Leads.QualifyAsync(Sophie, lead);
        return lead;
    }

    /// <summary>An offer of <paramref name="quantity"/> SUVs at list price to <paramref name="customer"/>, sent by Sophie, valid for <paramref name="validFor"/>.</summary>
    public async Task<OfferId> SentOfferAsync(CustomerId customer, ProductId suv, int quantity, TimeSpan validFor)
    {
        var offer = await Offers.DraftAsync(Sophie, PartyRef.Customer(customer), [new OfferItem(suv, quantity)], Clock.GetUtcNow() + validFor);
        await Offers.SendAsync(Sophie, offer);
        return offer;
    }

    /// <summary>Every customer in storage, read in a fresh scope.</summary>
    public async Task<IReadOnlyList<Customer>> AllCustomersAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ICustomerDirectory>().FindAllAsync();
    }

    public static OrderLine Suvs(ProductId suv, int quantity) => new(suv, quantity, Money.Euros(42_000m), VatRate.FrenchStandard);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
