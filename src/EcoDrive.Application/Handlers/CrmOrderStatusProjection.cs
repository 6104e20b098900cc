using EcoDrive.Crm.Orders;
using EcoDrive.Application.Gateways;
using EcoDrive.Application.Messaging;

namespace EcoDrive.Application.Handlers;

/// <summary>EcoDrive's own CRM as the ERP's <see cref="ICrmGateway"/>: the salesperson's view of the order learns its new status; a stale report changes nothing.</summary>
internal sealed class CrmOrderStatusProjection(IOrderViewRepository views) : ICrmGateway
{
    public async Task ReportStatusAsync(OrderStatusChanged message, CancellationToken cancellationToken)
    {
        var view = await views.FindAsync(message.OrderId, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException(ErrorCodes.Order.NotFound, message.OrderId.ToString());
        if (view.Apply(message.Change))
        {
            views.Update(view);
        }
    }
}
