using EcoDrive.Crm.Orders;
using EcoDrive.Integration.Messaging;

namespace EcoDrive.Integration.Handlers;

/// <summary>CRM side of <see cref="OrderStatusChanged"/>: the salesperson's view of the order learns its new status; a stale report changes nothing.</summary>
internal sealed class CrmOrderStatusProjection(IOrderViewRepository views) : IIntegrationMessageHandler<OrderStatusChanged>
{
    public async Task HandleAsync(OrderStatusChanged message, CancellationToken cancellationToken)
    {
        var view = await views.FindAsync(message.OrderId, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("order", message.OrderId.ToString());
        if (view.Apply(message.Change))
        {
            views.Update(view);
        }
    }
}
