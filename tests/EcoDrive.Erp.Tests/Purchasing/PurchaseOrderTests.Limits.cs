using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Purchasing;
using EcoDrive.Erp.Stock;

namespace EcoDrive.Erp.Tests.Purchasing;

public sealed partial class PurchaseOrderTests
{
    [Fact]
    public void AddLine_Int32MaxValue_ThrowsAndChangesNothing()
    {
        var purchase = Draft((s_suv, 1));

        Assert.Equal("quantity", Assert.Throws<InvalidInputException>(() => purchase.AddLine(s_suv, int.MaxValue)).ParamName);
        Assert.Equal(new PurchaseOrderLine(s_suv, 1, 0), Assert.Single(purchase.Lines));
    }

    [Fact]
    public void AddLine_Int32MaxValueThenOne_NeverOverflows()
    {
        // The black-box case: 2147483647 then 1 for one product wrapped to −2147483648.
        var purchase = Draft();

        Assert.Throws<InvalidInputException>(() => purchase.AddLine(s_suv, int.MaxValue));
        purchase.AddLine(s_suv, 1);

        Assert.Equal(new PurchaseOrderLine(s_suv, 1, 0), Assert.Single(purchase.Lines));
    }

    [Fact]
    public void AddLine_SameProductPastMaxQuantity_ThrowsLimitExceededAndChangesNothing()
    {
        var purchase = Draft((s_suv, Limits.MaxQuantity));

        var error = Assert.Throws<LimitExceededException>(() => purchase.AddLine(s_suv, 1));

        Assert.Equal("purchase-order.limit-exceeded", error.Code);
        Assert.Equal(new PurchaseOrderLine(s_suv, Limits.MaxQuantity, 0), Assert.Single(purchase.Lines));
    }

    [Fact]
    public void Draft_SupplierWithNulOrTenMegabytes_Throws()
    {
        Assert.Equal("supplier", Assert.Throws<InvalidInputException>(() => PurchaseOrder.Draft(PurchaseOrderId.New(), "Volt\u0000Motors", s_at)).ParamName);
        Assert.Equal("supplier", Assert.Throws<InvalidInputException>(() => PurchaseOrder.Draft(PurchaseOrderId.New(), new string('v', 10 * 1024 * 1024), s_at)).ParamName);
    }

    [Fact]
    public void Propose_ShortfallAboveMaxQuantity_OrdersAtMostMaxQuantity()
    {
        var product = Product.Create(s_van, "e-Van", ProductSegment.Utility, Money.Euros(30_000m), VatRate.FrenchStandard, reorderPoint: Limits.MaxStockQuantity);
        var level = StockLevel.Of(product, StockItem.OpenFor(product.Id), 0);

        var proposal = PurchaseOrder.Propose(PurchaseOrderId.New(), "Volt Motors", [level], s_at);

        Assert.Equal(new PurchaseOrderLine(s_van, Limits.MaxQuantity, 0), Assert.Single(proposal!.Lines));
    }
}
