using System.Reflection;
using System.Text.Json;
using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Crm.Leads;
using EcoDrive.Application;
using EcoDrive.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Application.Tests.Access;

/// <summary>
/// Field-level access: every application operation that returns a customer's or a lead's contact details gives them to a
/// reader who holds <c>customers.read-contact</c> and to nobody else.
/// </summary>
public sealed class ContactRedactionTests
{
    /// <summary>Parts of Camille's contact details as they appear in any result (the phone's digits survive any escaping).</summary>
    private static readonly string[] s_camillesContact = ["camille.martin@example.fr", "612345678", "12 rue des Lilas"];

    /// <summary>
    /// Every operation whose result carries contact details, with the reader who may see them: a salesperson for customers
    /// and leads, the accountant for invoices and credit notes (legal documents that keep the billing identity they were
    /// issued with, read only with <c>invoices.issue</c> or <c>payments.record</c>).
    /// </summary>
    private static readonly Dictionary<string, (User Reader, Func<TestHost, World, User, Task<object>> Call)> s_operations = new()
    {
        ["CustomerService.GetAsync"] = (TestHost.Sophie, async (h, w, u) => await h.Customers.GetAsync(u, w.Customer)),
        ["CustomerService.ExportPersonalDataAsync"] = (TestHost.Sophie, async (h, w, u) => await h.Customers.ExportPersonalDataAsync(u, w.Customer)),
        ["LeadService.GetAsync"] = (TestHost.Sophie, async (h, w, u) => await h.Leads.GetAsync(u, w.Lead)),
        ["BillingService.IssueInvoiceAsync"] = (TestHost.Claire, async (h, w, u) => await h.Billing.IssueInvoiceAsync(u, w.ShippedOrder)),
        ["BillingService.RecordPaymentAsync"] = (TestHost.Claire, async (h, w, u) => await h.Billing.RecordPaymentAsync(u, w.Invoice, Money.Euros(1m))),
        ["BillingService.GetInvoiceAsync"] = (TestHost.Claire, async (h, w, u) => await h.Billing.GetInvoiceAsync(u, w.Invoice)),
        ["BillingService.ListInvoicesAsync"] = (TestHost.Claire, async (h, w, u) => await h.Billing.ListInvoicesAsync(u)),
        ["BillingService.ListOverdueAsync"] = (TestHost.Claire, async (h, w, u) => await h.Billing.ListOverdueAsync(u)),
        ["BillingService.IssueCreditNoteAsync"] = (TestHost.Claire, async (h, w, u) => await h.Billing.IssueCreditNoteAsync(u, w.Invoice, "goodwill")),
        ["BillingService.ListCreditNotesAsync"] = (TestHost.Claire, async (h, w, u) => await h.Billing.ListCreditNotesAsync(u, w.CreditedInvoice)),
    };

    private static readonly HashSet<Type> s_contactTypes = [typeof(EmailAddress), typeof(PhoneNumber), typeof(PostalAddress), typeof(ContactDetails)];

    public static TheoryData<string> Operations() => [.. s_operations.Keys];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task ReadOperation_ForMarketing_GivesNoContactDetails_AndForItsReader_GivesThem(string operation)
    {
        await using var host = new TestHost();
        var world = await WorldAsync(host);
        var (reader, call) = s_operations[operation];

        var marketing = await Record.ExceptionAsync(async () => Assert.DoesNotContain(s_camillesContact, Text(await call(host, world, TestHost.Manon)).Contains));
        var seen = Text(await call(host, world, reader));

        Assert.True(marketing is null or PermissionDeniedException, marketing?.ToString());
        Assert.Contains(s_camillesContact, seen.Contains);
    }

    [Fact]
    public void EveryOperationReturningContactDetails_IsListedAbove()
    {
        var returningContact = typeof(ApplicationServiceCollectionExtensions).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(User)))
            .Where(m => CarriesContact(m.ReturnType, []) || Unwrapped(m.ReturnType) == typeof(string))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(s_operations.Keys.Order(StringComparer.Ordinal), returningContact.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CustomerGet_ForMarketing_IsMarkedRedactedWithNoEmailPhoneOrAddress()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();

        var seenByMarketing = await host.Customers.GetAsync(TestHost.Manon, camille);
        var seenBySales = await host.Customers.GetAsync(TestHost.Sophie, camille);

        Assert.True(seenByMarketing.ContactRedacted);
        Assert.Null(seenByMarketing.Email);
        Assert.Null(seenByMarketing.Phone);
        Assert.Null(seenByMarketing.BillingAddress);
        Assert.Equal("Camille", seenByMarketing.FirstName);
        Assert.False(seenBySales.ContactRedacted);
        Assert.Equal("camille.martin@example.fr", seenBySales.Email?.Value);
    }

    [Fact]
    public async Task LeadGet_ForALeadManagerWithoutReadContact_IsRedacted()
    {
        var grants = RoleBasedAccessPolicy.DefaultGrants.ToDictionary(g => g.Key, g => g.Value);
        grants[Role.Marketing] = [.. grants[Role.Marketing], Permissions.LeadsManage];
        await using var host = new TestHost(s => s.AddEcoDriveInMemoryStorage().AddSingleton<IAccessPolicy>(new RoleBasedAccessPolicy(grants)));
        var lead = await CaptureCamilleAsync(host);

        var seen = await host.Leads.GetAsync(TestHost.Manon, lead);

        Assert.True(seen.ContactRedacted);
        Assert.Equal(ContactDetails.None, seen.Contact);
        Assert.Equal("Camille", seen.FirstName);
    }

    [Fact]
    public async Task OrderReads_ForWarehouse_HoldNoContactDetails()
    {
        await using var host = new TestHost();
        var world = await WorldAsync(host);

        var erpOrder = await host.Fulfilment.GetOrderAsync(TestHost.Marc, world.ShippedOrder);
        var crmOrder = await host.Sales.GetAsync(TestHost.Marc, world.ShippedOrder);

        Assert.DoesNotContain(s_camillesContact, Text(erpOrder).Contains);
        Assert.DoesNotContain(s_camillesContact, Text(crmOrder).Contains);
    }

    /// <summary>Camille as a customer and as a lead, an overdue invoice of hers, another one credited, and a shipped order not yet invoiced.</summary>
    private static async Task<World> WorldAsync(TestHost host)
    {
        var (_, invoice) = await host.InvoicedOrderAsync();
        var customer = invoice.BillTo.CustomerId;
        var suv = await host.AddSuvAsync(inStock: 1);
        var shipped = await host.SubmitAndDispatchAsync(customer, TestHost.Suvs(suv, 1));
        await host.Fulfilment.StartPreparationAsync(TestHost.Marc, shipped);
        await host.Fulfilment.ShipAsync(TestHost.Marc, shipped);
        var (_, credited) = await host.InvoicedOrderAsync();
        await host.Billing.IssueCreditNoteAsync(TestHost.Claire, credited.Id, "returned");
        var lead = await CaptureCamilleAsync(host);
        host.Clock.Advance(TimeSpan.FromDays(60));
        return new World(customer, lead, shipped, invoice.Id, credited.Id);
    }

    private static Task<LeadId> CaptureCamilleAsync(TestHost host) => host.Leads.CaptureAsync(
        TestHost.Sophie, "Camille", "Martin", ContactDetails.Parse("camille.martin@example.fr", "06 12 34 56 78", new PostalAddress("12 rue des Lilas", "69003", "Lyon")),
        LeadSource.From(LeadChannel.Showroom), [ProductSegment.Suv]);

    private static string Text(object result) => result as string ?? JsonSerializer.Serialize(result, result.GetType(), EcoDriveJson.Options);

    private static Type Unwrapped(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var definition && (definition == typeof(Task<>) || definition == typeof(ValueTask<>))
            ? type.GetGenericArguments()[0]
            : type;

    /// <summary>Whether a value of <paramref name="type"/> can hold an e-mail, a phone or a postal address, however deep.</summary>
    private static bool CarriesContact(Type type, HashSet<Type> seen)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (s_contactTypes.Contains(type))
        {
            return true;
        }

        if (type.IsPrimitive || type.IsEnum || !seen.Add(type))
        {
            return false;
        }

        if (type.IsArray)
        {
            return CarriesContact(type.GetElementType()!, seen);
        }

        if (type.IsGenericType && type.GetGenericArguments().Any(a => CarriesContact(a, seen)))
        {
            return true;
        }

        return type.Namespace?.StartsWith("System", StringComparison.Ordinal) != true
            && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.GetIndexParameters().Length == 0 && CarriesContact(p.PropertyType, seen));
    }

    /// <summary>The records the operations read.</summary>
    private sealed record World(CustomerId Customer, LeadId Lead, OrderId ShippedOrder, InvoiceId Invoice, InvoiceId CreditedInvoice);
}
