using EcoDrive.Erp.Stock;

namespace EcoDrive.Application;

/// <summary>What a receipt or an upward stock correction did: the stock after it, and the backordered orders it confirmed.</summary>
/// <param name="Stock">The product's stock after the change.</param>
/// <param name="ConfirmedOrders">Backordered orders now reserved and confirmed, first come first served; empty when none fitted.</param>
public sealed record StockReplenishment(StockItemSnapshot Stock, IReadOnlyList<OrderId> ConfirmedOrders);
