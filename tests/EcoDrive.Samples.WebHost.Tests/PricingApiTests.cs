using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EcoDrive.Samples.WebHost.Tests;

/// <summary>The pricing rule over HTTP: the €42,000 SUV is not sold for €1 without an approver allowed to approve it.</summary>
public sealed class PricingApiTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    private const string Director = "0190f5e2-0000-7000-8000-000000000002";

    [Fact]
    public async Task PostOrder_SuvForOneEuro_Is422NamingTheRuleAndRecordsNothing()
    {
        var productId = await host.AddProductAsync(inStock: 1);
        var customerId = await host.AddCustomerAsync();
        var sales = host.As("Salesperson");

        var response = await sales.PostAsJsonAsync("/orders", new
        {
            customerId, lines = new[] { new { productId, quantity = 1, unitPrice = new { amount = "1.00", currency = "EUR" } } },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("order.discount-needs-approval", problem.GetProperty("code").GetString());
        var orders = await host.ReadAsync<JsonElement>(await sales.GetAsync($"/customers/{customerId}/orders"));
        Assert.Equal(0, orders.GetArrayLength());
    }

    [Fact]
    public async Task PostOrder_DiscountApprovedByTheDirector_Is201WithTheApprovalAndBeyondTheirLimitIs422()
    {
        var productId = await host.AddProductAsync(inStock: 1);
        var customerId = await host.AddCustomerAsync();
        var sales = host.As("Salesperson");

        var approved = await host.ReadAsync<JsonElement>(await sales.PostAsJsonAsync("/orders", new
        {
            customerId, lines = new[] { new { productId, quantity = 1, unitPrice = new { amount = "37800.00", currency = "EUR" } } }, approvedBy = Director,
        }));
        var tooMuch = await sales.PostAsJsonAsync("/orders", new
        {
            customerId, lines = new[] { new { productId, quantity = 1, unitPrice = new { amount = "21000.00", currency = "EUR" } } }, approvedBy = Director,
        });

        var approval = approved.GetProperty("priceApproval");
        Assert.Equal(Director, approval.GetProperty("approvedBy").GetString());
        Assert.Equal(10m, approval.GetProperty("discountPercent").GetDecimal());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch.StatusCode);
        Assert.Equal("order.approval-not-allowed", (await tooMuch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}
