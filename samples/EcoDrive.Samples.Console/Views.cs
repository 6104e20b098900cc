using System.Globalization;
using EcoDrive.Core;
using EcoDrive.Crm.Orders;
using EcoDrive.Application.Access;
using EcoDrive.Kpi;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EcoDrive.Samples.Console;

/// <summary>An order's status history as a table.</summary>
internal static class OrderTables
{
    public static Table History(Texts t, OrderViewSnapshot order)
    {
        var table = new Table().Title($"{order.Id} · [bold]{order.Status}[/]").AddColumns(t.Version, t.Status, t.At, t.By, t.Reason);
        foreach (var change in order.History)
        {
            table.AddRow(Row(t, change));
        }

        return table;
    }

    public static IRenderable[] Row(Texts t, OrderStatusEntry change) =>
    [
        new Text(change.Version.ToString(CultureInfo.InvariantCulture)), new Text(change.Status.ToString()), new Text(t.Time(change.At)),
        new Text(change.Actor is { } actor ? DemoUsers.NameOf(actor) : t.Automatic), new Text(change.Reason ?? string.Empty),
    ];
}

/// <summary>The brief's access checklist as a table.</summary>
internal static class AccessTable
{
    public static Table Of(AccessExplanation explanation)
    {
        var table = new Table()
            .Title(Markup.Escape(explanation.ToString().Split('\n')[0]))
            .AddColumns("", "Check", "Finding", "Fix");
        foreach (var check in explanation.Checks)
        {
            var mark = check.Verdict switch
            {
                CheckVerdict.Pass => "[green]ok[/]",
                CheckVerdict.Warning => "[yellow]warn[/]",
                CheckVerdict.Fail => "[red]FAIL[/]",
                _ => "[grey]--[/]",
            };
            table.AddRow(new Markup(mark), new Text(check.Name), new Text(check.Finding), new Text(check.Fix));
        }

        return table;
    }
}

/// <summary>The sales dashboard: the three KPIs against the previous period, as tables and bar charts.</summary>
internal static class DashboardView
{
    public static ReportingPeriod ThisMonth(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, ReportingPeriod.DefaultTimeZone).Date);
        var month = new DateOnly(today.Year, today.Month, 1);
        return new ReportingPeriod(month, month.AddMonths(1), TimeBucket.Month);
    }

    public static void Write(IAnsiConsole console, Texts t, SalesDashboardReport report, SalesDashboardReport previous)
    {
        var period = $"{t.Date(report.Period.From)} → {t.Date(report.Period.To)} ({report.Period.TimeZone.Id})";
        var kpis = new Table().Title(period).AddColumns(t.Kpi, t.Value, t.Previous);
        kpis.AddRow(t.NewOrders, Count(report.NewOrders.TotalOrders), Count(previous.NewOrders.TotalOrders));
        kpis.AddRow(t.Conversion, Rate(t, report.Conversion), Rate(t, previous.Conversion));
        var currencies = report.Revenue.Totals.Concat(previous.Revenue.Totals).Select(m => m.Currency).Distinct().ToList();
        foreach (var segment in report.Revenue.Segments.Select(s => s.Segment).Concat(previous.Revenue.Segments.Select(s => s.Segment)).Distinct())
        {
            foreach (var currency in currencies)
            {
                kpis.AddRow($"{t.Revenue} — {segment}", t.Money(report.Revenue.NetOf(segment, currency)), t.Money(previous.Revenue.NetOf(segment, currency)));
            }
        }

        foreach (var currency in currencies)
        {
            kpis.AddRow($"{t.Revenue} — {t.Total}", t.Money(report.Revenue.TotalIn(currency)), t.Money(previous.Revenue.TotalIn(currency)));
        }

        console.Write(kpis);

        var orders = Chart(t, t.NewOrders);
        foreach (var bucket in report.NewOrders.Buckets)
        {
            orders.AddItem(bucket.Bucket.Label, bucket.Orders, Color.Green);
        }

        orders.AddItem($"{t.Previous} ({t.Total})", previous.NewOrders.TotalOrders, Color.Grey);
        console.Write(orders);

        foreach (var currency in currencies)
        {
            // A bar chart's value text takes room from its bar: large amounts are charted in thousands or millions, so
            // that short numbers leave the bars their length (and stay within what the chart can draw).
            var rows = report.Revenue.Segments.Where(s => s.Net.Currency == currency).ToList();
            var previousTotal = previous.Revenue.TotalIn(currency).Amount;
            var largest = rows.Select(r => Math.Abs(r.Net.Amount)).Append(Math.Abs(previousTotal)).Max();
            var (scale, unit) = largest switch
            {
                >= 100_000_000m => (1_000_000m, $"M {currency.Code}"),
                >= 100_000m => (1_000m, $"k {currency.Code}"),
                _ => (1m, currency.Code),
            };
            var revenue = Chart(t, $"{t.Revenue} ({unit})");
            foreach (var row in rows)
            {
                revenue.AddItem(row.Segment.ToString(), (double)(row.Net.Amount / scale), Color.Blue);
            }

            revenue.AddItem($"{t.Previous} ({t.Total})", (double)(previousTotal / scale), Color.Grey);
            console.Write(revenue);
        }

        var conversion = Chart(t, $"{t.Conversion} (%)").WithMaxValue(100);
        conversion.AddItem(t.Value, (double)Math.Round((report.Conversion.Rate ?? 0m) * 100m), Color.Yellow);
        conversion.AddItem(t.Previous, (double)Math.Round((previous.Conversion.Rate ?? 0m) * 100m), Color.Grey);
        console.Write(conversion);

        string Count(int value) => value.ToString("N0", t.Culture);
    }

    /// <summary>A bar chart whose values are whole numbers in the reader's culture (<c>1 234 567</c> in French).</summary>
    private static BarChart Chart(Texts t, string label) =>
        new BarChart().Label(label).Width(60).Culture(t.Culture).UseValueFormatter((value, culture) => value.ToString("N0", culture));

    private static string Rate(Texts t, ConversionReport conversion) =>
        conversion.Rate is { } rate
            ? string.Format(t.Culture, "{0:P0} ({1} / {2})", rate, conversion.Numerator, conversion.Denominator)
            : t.NoLeads;
}
