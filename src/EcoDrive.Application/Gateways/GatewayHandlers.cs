using EcoDrive.Application.Messaging;

namespace EcoDrive.Application.Gateways;

/// <summary>Delivers the order flow's messages to whichever ERP and CRM are plugged in.</summary>
internal sealed class GatewayHandlers(IErpGateway erp, ICrmGateway crm)
    : IIntegrationMessageHandler<OrderSubmitted>, IIntegrationMessageHandler<OrderStatusChanged>
{
    public Task HandleAsync(OrderSubmitted message, CancellationToken cancellationToken) => erp.SubmitOrderAsync(message, cancellationToken);

    public Task HandleAsync(OrderStatusChanged message, CancellationToken cancellationToken) => crm.ReportStatusAsync(message, cancellationToken);
}
