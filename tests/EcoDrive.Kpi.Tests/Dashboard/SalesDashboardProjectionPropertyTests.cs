using CsCheck;

namespace EcoDrive.Kpi.Tests;

/// <summary>The incremental projection, fed a random history event by event, reports what the batch calculators compute.</summary>
public sealed class SalesDashboardProjectionPropertyTests
{
    [Fact]
    public void ToReport_AfterAnyHistory_EqualsTheBatchDashboard()
    {
        var gen = KpiGen.Period.SelectMany(period => Gen.Select(
            Gen.Select(KpiGen.Order(period), KpiGen.Instant(period), Gen.Bool).Array[0, 60],
            KpiGen.Lead(period).Array[0, 60],
            KpiGen.Revenue(period, eurosOnly: false).Array[0, 60],
            (orders, leads, revenue) => (period, orders, leads, revenue)));

        gen.Sample(
            (period, orders, leads, revenue) =>
            {
                var projection = new SalesDashboardProjection(period);
                var finalOrders = new List<OrderFact>();
                var events = new List<(DateTimeOffset At, Action Apply)>();
                foreach (var (order, changeAt, changes) in orders)
                {
                    // Submitted first; maybe one later change to the final status (the order's generated status).
                    var submitted = order with { Status = OrderStatus.Submitted };
                    events.Add((order.SubmittedAt, () => projection.OrderSubmitted(submitted)));
                    var final = changes && order.Status != OrderStatus.Submitted ? order : submitted;
                    if (final.Status != OrderStatus.Submitted)
                    {
                        var at = changeAt > order.SubmittedAt ? changeAt : order.SubmittedAt;
                        events.Add((at, () => projection.OrderStatusChanged(final, OrderStatus.Submitted, at)));
                    }

                    finalOrders.Add(final);
                }

                foreach (var lead in leads)
                {
                    events.Add((lead.CreatedAt, () => projection.LeadCreated(lead with { WonAt = null, LostAt = null })));
                    if (lead.WonAt is { } wonAt)
                    {
                        // The lead as it is just after the win: lost too only if that happened strictly before.
                        var won = lead with { LostAt = lead.LostAt < wonAt ? lead.LostAt : null };
                        events.Add((wonAt, () => projection.LeadWon(won)));
                    }

                    if (lead.LostAt is { } lostAt)
                    {
                        var lost = lead with { WonAt = lead.WonAt <= lostAt ? lead.WonAt : null };
                        events.Add((lostAt, () => projection.LeadLost(lost)));
                    }
                }

                foreach (var line in revenue)
                {
                    events.Add((line.IssuedAt, () => projection.RevenueIssued(line)));
                }

                // Apply in time order; at equal instants a win before a loss, as the snapshots above assume.
                foreach (var e in events.OrderBy(e => e.At.UtcTicks))
                {
                    e.Apply();
                }

                var asOf = projection.LastEventAt ?? period.UtcEnd;
                var batch = new SalesDashboardReport(
                    period,
                    asOf,
                    NewOrdersCalculator.Compute(period, finalOrders),
                    ConversionCalculator.Compute(period, leads, asOf),
                    RevenueBySegmentCalculator.Compute(period, revenue));
                KpiGen.AssertSameJson(batch, projection.ToReport(asOf));
            },
            iter: 1000,
            print: t => $"{t.Item1}: {t.Item2.Length} orders, {t.Item3.Length} leads, {t.Item4.Length} lines");
    }
}
