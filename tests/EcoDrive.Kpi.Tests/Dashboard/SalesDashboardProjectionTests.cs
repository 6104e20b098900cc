using static EcoDrive.Kpi.Tests.TestData;

namespace EcoDrive.Kpi.Tests;

public sealed class SalesDashboardProjectionTests
{
    [Fact]
    public void ToReport_AsOfBeforeTheLastEvent_ThrowsArgumentOutOfRangeException()
    {
        var projection = new SalesDashboardProjection(Month(2026, 3));
        projection.OrderSubmitted(Order(Utc(2026, 3, 10)));

        Assert.Throws<InvalidInputException>("asOf", () => projection.ToReport(Utc(2026, 3, 9)));
    }

    [Fact]
    public void LeadWon_WithoutWonAt_ThrowsArgumentException()
    {
        var projection = new SalesDashboardProjection(Month(2026, 3));

        Assert.Throws<InvalidInputException>("lead", () => projection.LeadWon(Lead(Utc(2026, 3, 2))));
    }

    [Fact]
    public void OrderStatusChanged_ToCancelled_CountsTheCancellationInTheSubmissionBucket()
    {
        var projection = new SalesDashboardProjection(Month(2026, 3));
        var order = Order(Utc(2026, 3, 10, 9));
        projection.OrderSubmitted(order);

        projection.OrderStatusChanged(order with { Status = OrderStatus.Cancelled }, OrderStatus.Submitted, Utc(2026, 4, 2));

        var report = projection.ToReport(Utc(2026, 4, 2)).NewOrders;
        Assert.Equal((1, 1), (report.TotalOrders, report.TotalCancelled));
        Assert.Equal(1, report.Buckets[9].Cancelled);
        Assert.Equal(1, report.ByStatus.Single(s => s.Status == OrderStatus.Cancelled).Orders);
        Assert.Equal(0, report.ByStatus.Single(s => s.Status == OrderStatus.Submitted).Orders);
    }

    [Fact]
    public void LeadLost_ThenWon_CountsTheLeadAsWon()
    {
        var projection = new SalesDashboardProjection(Month(2026, 3));
        var lead = Lead(Utc(2026, 3, 2));
        projection.LeadCreated(lead);

        projection.LeadLost(lead with { LostAt = Utc(2026, 3, 5) });
        projection.LeadWon(lead with { LostAt = Utc(2026, 3, 5), WonAt = Utc(2026, 3, 20) });

        var conversion = projection.ToReport(Utc(2026, 4, 1)).Conversion;
        Assert.Equal(new ConversionCounts(1, 1, 0), conversion.Overall);
    }

    [Fact]
    public void RevenueIssued_CreditNoteOfAnEarlierInvoice_ReducesThisPeriod()
    {
        var projection = new SalesDashboardProjection(Month(2026, 2));

        projection.RevenueIssued(Revenue(Utc(2026, 1, 20), ProductSegment.Suv, 30_000m));
        projection.RevenueIssued(Revenue(Utc(2026, 2, 3), ProductSegment.Suv, -5_000m));

        Assert.Equal(Money.Euros(-5_000m), projection.ToReport(Utc(2026, 3, 1)).Revenue.TotalIn(Currency.Eur));
    }
}
