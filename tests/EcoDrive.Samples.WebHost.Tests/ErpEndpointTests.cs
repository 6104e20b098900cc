using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EcoDrive.Samples.WebHost.Tests;

/// <summary>Stock, purchasing, invoices and credit notes over HTTP.</summary>
public sealed class ErpEndpointTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task Proposal_ForABackorderedProduct_IsPlacedAndReceivedAndConfirmsTheOrder()
    {
        var productId = await host.AddProductAsync(inStock: 0, reorderPoint: 2);
        var orderId = await OrderAsync(productId, await host.AddCustomerAsync());
        await host.WaitForStatusAsync(orderId, "Backordered");
        var warehouse = host.As("Warehouse");

        var toReorder = await warehouse.GetFromJsonAsync<JsonElement>("/stock-levels?underReorderPoint=true");
        var proposal = await host.ReadAsync<JsonElement>(await warehouse.PostAsJsonAsync("/purchase-orders/proposal", new { supplier = "Volt Motors Europe" }));
        var purchaseId = proposal.GetProperty("id").GetString();
        var placed = await host.ReadAsync<JsonElement>(await warehouse.PostAsync($"/purchase-orders/{purchaseId}/place", null));
        var receipt = await host.ReadAsync<JsonElement>(await warehouse.PostAsJsonAsync($"/purchase-orders/{purchaseId}/receipts", new { productId, quantity = 3 }));

        var level = toReorder.EnumerateArray().Single(l => l.GetProperty("productId").GetString() == productId);
        Assert.Equal((1, 3), (level.GetProperty("backordered").GetInt32(), level.GetProperty("shortfall").GetInt32()));
        var line = proposal.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("productId").GetString() == productId);
        Assert.Equal(3, line.GetProperty("quantity").GetInt32());
        Assert.Equal("Ordered", placed.GetProperty("status").GetString());
        Assert.Contains(orderId, receipt.GetProperty("confirmedOrders").EnumerateArray().Select(o => o.GetString()));
        await host.WaitForStatusAsync(orderId, "Confirmed");
        var received = await warehouse.GetFromJsonAsync<JsonElement>("/purchase-orders?status=Received");
        Assert.Contains(purchaseId, received.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task CreditNote_ForTheWholeInvoice_SettlesItAndIsListed()
    {
        var invoice = await InvoicedAsync(new { paymentDays = 45, endOfMonth = true });
        var invoiceId = invoice.GetProperty("id").GetString();
        var accounting = host.As("Accountant");

        var creditNote = await host.ReadAsync<JsonElement>(await accounting.PostAsJsonAsync($"/invoices/{invoiceId}/credit-notes", new { reason = "Vehicle returned" }));
        var credited = await accounting.GetFromJsonAsync<JsonElement>($"/invoices/{invoiceId}");
        var notes = await accounting.GetFromJsonAsync<JsonElement>($"/invoices/{invoiceId}/credit-notes");
        var paid = await accounting.GetFromJsonAsync<JsonElement>("/invoices?settlement=Paid");

        var due = DateOnly.Parse(invoice.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateTime.DaysInMonth(due.Year, due.Month), due.Day);
        Assert.Matches(@"^AV-\d{4}-\d{6}$", creditNote.GetProperty("number").GetString());
        Assert.Equal(invoice.GetProperty("total"), creditNote.GetProperty("total"), JsonElement.DeepEquals);
        Assert.Equal("0.00", credited.GetProperty("balance").GetProperty("amount").GetString());
        Assert.Equal("Paid", credited.GetProperty("settlement").GetString());
        Assert.Single(notes.EnumerateArray());
        Assert.Contains(invoiceId, paid.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task StockAdjustment_BelowReserved_Is422AndChangesNothing()
    {
        var productId = await host.AddProductAsync(inStock: 1);
        await host.WaitForStatusAsync(await OrderAsync(productId, await host.AddCustomerAsync()), "Confirmed");
        var warehouse = host.As("Warehouse");

        var response = await warehouse.PostAsJsonAsync($"/products/{productId}/stock/adjustments", new { change = -1, reason = "Damaged in transport" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var stock = await warehouse.GetFromJsonAsync<JsonElement>($"/products/{productId}/stock");
        Assert.Equal(1, stock.GetProperty("onHand").GetInt32());
    }

    private async Task<string> OrderAsync(string productId, string customerId)
    {
        var order = await host.ReadAsync<JsonElement>(await host.As("Salesperson").PostAsJsonAsync("/orders", new
        {
            customerId, lines = new[] { new { productId, quantity = 1 } },
        }));
        return order.GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> InvoicedAsync(object terms)
    {
        var orderId = await OrderAsync(await host.AddProductAsync(inStock: 1), await host.AddCustomerAsync());
        await host.WaitForStatusAsync(orderId, "Confirmed");
        var warehouse = host.As("Warehouse");
        (await warehouse.PostAsync($"/orders/{orderId}/preparation", null)).EnsureSuccessStatusCode();
        (await warehouse.PostAsync($"/orders/{orderId}/shipment", null)).EnsureSuccessStatusCode();
        return await host.ReadAsync<JsonElement>(await host.As("Accountant").PostAsJsonAsync($"/orders/{orderId}/invoice", terms));
    }
}
