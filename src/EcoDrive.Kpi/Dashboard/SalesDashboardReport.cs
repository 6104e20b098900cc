namespace EcoDrive.Kpi;

/// <summary>The sales director's dashboard for one period: the three KPIs, computed by <see cref="SalesDashboard.ComputeAsync"/>.</summary>
/// <param name="Period">The reporting period.</param>
/// <param name="AsOf">The instant the dashboard was computed for (decides which leads count as won or lost).</param>
/// <param name="NewOrders">KPI 1: new orders per bucket, with cancellations.</param>
/// <param name="Conversion">KPI 2: lead-to-customer conversion of the period's cohort.</param>
/// <param name="Revenue">KPI 3: net revenue by product segment and currency.</param>
public sealed record SalesDashboardReport(
    ReportingPeriod Period,
    DateTimeOffset AsOf,
    NewOrdersReport NewOrders,
    ConversionReport Conversion,
    RevenueBySegmentReport Revenue);
