using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Crm.Campaigns;
using EcoDrive.Crm.Leads;
using EcoDrive.Application;
using EcoDrive.Application.Import;
using EcoDrive.Kpi;

namespace EcoDrive.Application.Tests.Access;

/// <summary>Every role against every application operation: refused exactly when the role lacks the operation's permission.</summary>
public sealed class RoleOperationMatrixTests
{
    private static readonly Dictionary<string, (Permission Permission, Func<TestHost, User, Task> Call)> s_operations = new()
    {
        ["create customer"] = (Permissions.CustomersWrite, (h, u) => h.Customers.CreateIndividualAsync(u, "A", "B", ContactDetails.None)),
        ["read customer"] = (Permissions.CustomersRead, (h, u) => h.Customers.GetAsync(u, CustomerId.New())),
        ["export personal data"] = (Permissions.CustomersReadContact, (h, u) => h.Customers.ExportPersonalDataAsync(u, CustomerId.New())),
        ["capture lead"] = (Permissions.LeadsManage, (h, u) => h.Leads.CaptureAsync(u, "A", "B", ContactDetails.None, LeadSource.From(LeadChannel.Phone), [])),
        ["submit order"] = (Permissions.OrdersCreate, (h, u) => h.Sales.SubmitAsync(u, CustomerId.New(), [TestHost.Suvs(ProductId.New(), 1)])),
        ["read order"] = (Permissions.OrdersRead, (h, u) => h.Sales.GetAsync(u, OrderId.New())),
        ["prepare order"] = (Permissions.OrdersFulfil, (h, u) => h.Fulfilment.StartPreparationAsync(u, OrderId.New())),
        ["cancel order"] = (Permissions.OrdersCancel, (h, u) => h.Fulfilment.CancelAsync(u, OrderId.New(), "no longer wanted")),
        ["issue invoice"] = (Permissions.InvoicesIssue, (h, u) => h.Billing.IssueInvoiceAsync(u, OrderId.New())),
        ["record payment"] = (Permissions.PaymentsRecord, (h, u) => h.Billing.RecordPaymentAsync(u, InvoiceId.New(), Money.Euros(1m))),
        ["add product"] = (Permissions.StockManage, (h, u) => h.Fulfilment.AddProductAsync(u, "Volt", ProductSegment.Suv, Money.Euros(1m), VatRate.FrenchStandard)),
        ["create campaign"] = (Permissions.CampaignsManage, (h, u) => h.Get<CampaignService>().CreateAsync(
            u, "SUV promotion", Segment.InterestedIn(ProductSegment.Suv), CampaignChannel.Email, CampaignMessage.Create("{model}", "Bonjour {firstName}", "Volt", "a wall box"))),
        ["draft purchase order"] = (Permissions.StockManage, (h, u) => h.Get<PurchasingService>().DraftAsync(u, "Volt Motors")),
        ["import history"] = (Permissions.HistoryImport, (h, u) => h.Get<HistoryImportService>().ImportAsync(u, new HistoryBatch([], [], []))),
        ["view dashboard"] = (Permissions.KpiView, (h, u) => h.Dashboard.GetAsync(u, new ReportingPeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), TimeBucket.Month))),
    };

    public static TheoryData<Role, string> Matrix()
    {
        var data = new TheoryData<Role, string>();
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var operation in s_operations.Keys)
            {
                data.Add(role, operation);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Operation_ForEachRole_IsRefusedExactlyWhenTheRoleLacksItsPermission(Role role, string operation)
    {
        await using var host = new TestHost();
        var user = new User(UserId.New(), role.ToString(), role);
        var (permission, call) = s_operations[operation];
        var granted = RoleBasedAccessPolicy.DefaultGrants[role].Contains(permission);

        var error = await Record.ExceptionAsync(() => call(host, user));

        if (granted)
        {
            Assert.IsNotType<PermissionDeniedException>(error);
        }
        else
        {
            Assert.Equal(permission, Assert.IsType<PermissionDeniedException>(error).Permission);
        }
    }
}
