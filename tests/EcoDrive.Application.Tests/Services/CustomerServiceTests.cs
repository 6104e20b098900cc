using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;

namespace EcoDrive.Application.Tests.Services;

public sealed class CustomerServiceTests
{
    [Fact]
    public async Task CreateCompany_WithRegistration_KeepsIt()
    {
        await using var host = new TestHost();

        var id = await host.Customers.CreateCompanyAsync(
            TestHost.Sophie, "Transports Durand SARL", ContactDetails.Parse("contact@durand.fr", null),
            CompanyRegistration.Parse("732829320", null, "FR44732829320"));

        var company = await host.Customers.GetAsync(TestHost.Sophie, id);
        Assert.Equal(CustomerKind.Company, company.Kind);
        Assert.Equal("FR44732829320", company.Registration?.VatNumber?.Value);
    }

    [Fact]
    public async Task Erase_ThenExport_HoldsNoContactDataAndTheInvoiceKeepsItsSnapshot()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 1);
        var camille = await host.AddCamilleAsync();
        var orderId = await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(suv, 1)]);
        await host.Dispatcher.DrainAsync();
        await host.Fulfilment.StartPreparationAsync(TestHost.Marc, orderId);
        await host.Fulfilment.ShipAsync(TestHost.Marc, orderId);
        var invoice = await host.Billing.IssueInvoiceAsync(TestHost.Claire, orderId);

        await host.Customers.EraseAsync(TestHost.Sophie, camille);

        var export = await host.Customers.ExportPersonalDataAsync(TestHost.Sophie, camille);
        Assert.DoesNotContain("camille", export, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("+33612345678", export, StringComparison.Ordinal);
        Assert.Equal("Camille Martin", invoice.BillTo.Name);
        var again = await host.Billing.RecordPaymentAsync(TestHost.Claire, invoice.Id, Money.Euros(1m));
        Assert.Equal("Camille Martin", again.BillTo.Name);
    }

    [Fact]
    public async Task ExportPersonalData_ByMarketing_IsDeniedNamingThePermission()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();
        var marketing = new User(UserId.New(), "Mia", Role.Marketing);

        var error = await Assert.ThrowsAsync<PermissionDeniedException>(() => host.Customers.ExportPersonalDataAsync(marketing, camille));

        Assert.Equal(Permissions.CustomersReadContact, error.Permission);
    }
}
