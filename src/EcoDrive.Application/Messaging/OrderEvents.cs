using EcoDrive.Erp.Orders;

namespace EcoDrive.Application.Messaging;

/// <summary>Turns an ERP order's domain events into the messages that report them to the CRM.</summary>
internal static class OrderEvents
{
    public static void ReportTo(this Order order, IOutbox outbox)
    {
        foreach (var transitioned in order.TakeDomainEvents().OfType<OrderTransitioned>())
        {
            outbox.Enqueue(new OrderStatusChanged(Guid.CreateVersion7(), transitioned.OccurredAt, transitioned.OrderId, transitioned.Change));
        }
    }
}
