using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Orders;
using EcoDrive.Erp.Stock;

namespace EcoDrive.Erp.Tests;

/// <summary>Builds ERP orders in any status, through their real transitions.</summary>
internal sealed class OrderBuilder
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly UserId Warehouse = UserId.New();
    public static readonly ProductId Suv = ProductId.New();

    private int _quantity = 1;

    public OrderBuilder WithQuantity(int quantity)
    {
        _quantity = quantity;
        return this;
    }

    public Order Build(OrderStatus status)
    {
        var order = Order.Submit(OrderId.New(), CustomerId.New(), UserId.New(), [new OrderLine(Suv, _quantity, Money.Euros(42_000m), VatRate.FrenchStandard)], Start);
        var at = Start;
        switch (status)
        {
            case OrderStatus.Submitted:
                break;
            case OrderStatus.Backordered:
                order.Backorder(null, at = at.AddMinutes(1));
                break;
            case OrderStatus.Rejected:
                order.Reject("credit limit", null, at = at.AddMinutes(1));
                break;
            case OrderStatus.Cancelled:
                order.Cancel("customer changed their mind", Warehouse, at = at.AddMinutes(1));
                break;
            default:
                order.Confirm(Reserve(order), null, at = at.AddMinutes(1));
                if (status == OrderStatus.Confirmed)
                {
                    break;
                }

                order.StartPreparation(Warehouse, at = at.AddMinutes(1));
                if (status == OrderStatus.InPreparation)
                {
                    break;
                }

                order.Ship(Warehouse, at = at.AddMinutes(1));
                if (status == OrderStatus.Shipped)
                {
                    break;
                }

                order.MarkInvoiced(InvoiceId.New(), Warehouse, at = at.AddMinutes(1));
                if (status == OrderStatus.Invoiced)
                {
                    break;
                }

                order.MarkPaid(Money.Euros(0m), Warehouse, at.AddMinutes(1));
                break;
        }

        order.TakeDomainEvents();
        return order;
    }

    public static StockAllocation Reserve(Order order, int onHand = 10)
    {
        var stock = StockItem.OpenFor(Suv);
        stock.Receive(onHand);
        return StockAllocation.Reserve(order.Id, order.Lines, new Dictionary<ProductId, StockItem> { [Suv] = stock });
    }
}
