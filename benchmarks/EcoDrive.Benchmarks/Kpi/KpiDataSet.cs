using EcoDrive.Core;
using EcoDrive.Kpi;

namespace EcoDrive.Benchmarks.Kpi;

/// <summary>
/// Three years (2024–2026) of orders, leads and revenue lines for the KPI benchmarks, with a fixed seed and realistic
/// skew: seasonality (busy March, June, September; quiet August and Sundays), growth from one year to the next, working
/// hours, more SUVs than anything else, a few credit notes, a handful of busy salespeople. Each table is sorted by
/// time, as a journal read in time order is. Instants are whole seconds, so every engine (DuckDB keeps microseconds)
/// stores them exactly. One data set per size per process, shared by every benchmark of the process.
/// </summary>
public sealed class KpiDataSet
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset End = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly ProductSegment[] Segments = [ProductSegment.Suv, ProductSegment.CityCar, ProductSegment.Utility, new("sports")];
    public static readonly string[] Sources = ["website", "showroom", "campaign", "referral", "event", "phone"];
    public const int Salespeople = 40;
    public const int CampaignCount = 12;

    /// <summary>The tick value of a lead that was never won or lost.</summary>
    public const long Never = long.MaxValue;

    private static readonly Dictionary<int, KpiDataSet> s_cache = [];

    private readonly Lazy<(long[] Ticks, byte[] Segment, long[] Minor)> _revenue;
    private readonly Lazy<(long[] Ticks, byte[] Status)> _orders;
    private readonly Lazy<(long[] Created, long[] Won, long[] Lost, byte[] Source, ushort[] Owner, ushort[] Campaign)> _leads;

    private KpiDataSet(int n)
    {
        N = n;
        var cdf = DayCdf();

        // Each table is generated on first use, with its own seed: a case that queries orders never builds leads.
        _revenue = new(() => GenerateRevenue(new Random(20260329 + n), cdf, n));
        _orders = new(() => GenerateOrders(new Random(20260330 + n), cdf, n));
        _leads = new(() => GenerateLeads(new Random(20260331 + n), cdf, n));
        OwnerIds = [null, .. Enumerable.Range(1, Salespeople).Select(k => (UserId?)UserId.From(new Guid(k, 0, 0, new byte[8])))];
        CampaignIds = [null, .. Enumerable.Range(1, CampaignCount).Select(k => (CampaignId?)CampaignId.From(new Guid(k, 1, 0, new byte[8])))];
    }

    public int N { get; }

    public long[] RevenueTicks => _revenue.Value.Ticks;

    public byte[] RevenueSegment => _revenue.Value.Segment;

    public long[] RevenueMinor => _revenue.Value.Minor;

    public long[] OrderTicks => _orders.Value.Ticks;

    public byte[] OrderStatus => _orders.Value.Status;

    public long[] LeadCreated => _leads.Value.Created;

    public long[] LeadWon => _leads.Value.Won;

    public long[] LeadLost => _leads.Value.Lost;

    public byte[] LeadSource => _leads.Value.Source;

    public ushort[] LeadOwner => _leads.Value.Owner;

    public ushort[] LeadCampaign => _leads.Value.Campaign;

    public UserId?[] OwnerIds { get; }

    public CampaignId?[] CampaignIds { get; }

    public static KpiDataSet Get(int n)
    {
        lock (s_cache)
        {
            // One size at a time: a 10M data set must not sit beside a 1M one.
            if (!s_cache.TryGetValue(n, out var data))
            {
                s_cache.Clear();
                GC.Collect();
                s_cache[n] = data = new KpiDataSet(n);
            }

            return data;
        }
    }

    public RevenueFact[] RevenueRecords() =>
        [.. Enumerable.Range(0, N).Select(i => new RevenueFact(At(RevenueTicks[i]), Segments[RevenueSegment[i]], Money.FromMinorUnits(RevenueMinor[i], Currency.Eur)))];

    public RevenueFacts RevenueColumns(bool shuffled = false)
    {
        var builder = new RevenueFacts.Builder(N);
        foreach (var i in Rows(shuffled))
        {
            builder.Add(RevenueTicks[i], Segments[RevenueSegment[i]], Currency.Eur, RevenueMinor[i]);
        }

        return builder.Build();
    }

    public OrderFact[] OrderRecords() =>
        [.. Enumerable.Range(0, N).Select(i => new OrderFact(OrderId.From(new Guid(i + 1, 2, 0, new byte[8])), At(OrderTicks[i]), (OrderStatus)OrderStatus[i], null))];

    public OrderFacts OrderColumns(bool shuffled = false)
    {
        var builder = new OrderFacts.Builder(N);
        foreach (var i in Rows(shuffled))
        {
            builder.Add(OrderTicks[i], (OrderStatus)OrderStatus[i]);
        }

        return builder.Build();
    }

    public LeadFact Lead(int i) => new(
        LeadId.From(new Guid(i + 1, 3, 0, new byte[8])),
        At(LeadCreated[i]),
        LeadWon[i] == KpiDataSet.Never ? null : At(LeadWon[i]),
        LeadLost[i] == KpiDataSet.Never ? null : At(LeadLost[i]),
        Sources[LeadSource[i]],
        OwnerIds[LeadOwner[i]],
        CampaignIds[LeadCampaign[i]]);

    public LeadFact[] LeadRecords() => [.. Enumerable.Range(0, N).Select(Lead)];

    public LeadFacts LeadColumns(bool shuffled = false)
    {
        var builder = new LeadFacts.Builder(N);
        foreach (var i in Rows(shuffled))
        {
            builder.Add(Lead(i));
        }

        return builder.Build();
    }

    /// <summary>The row indexes in time order, or in a fixed random order (for the fast paths' unsorted case).</summary>
    public int[] Rows(bool shuffled)
    {
        var rows = Enumerable.Range(0, N).ToArray();
        if (shuffled)
        {
            new Random(N).Shuffle(rows);
        }

        return rows;
    }

    public static DateTimeOffset At(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    /// <summary>Invoice lines: 45 % SUVs, 30 % city cars, 20 % utility vans, 5 % sports cars; 4 % credit-note lines.</summary>
    private static (long[], byte[], long[]) GenerateRevenue(Random random, double[] cdf, int n)
    {
        var ticks = SortedTicks(random, cdf, n);
        var segments = new byte[n];
        var minor = new long[n];
        double[] segmentWeights = [0.45, 0.30, 0.20, 0.05];
        (long Min, long Max)[] prices = [(3_500_000, 6_000_000), (1_800_000, 2_800_000), (2_500_000, 4_500_000), (6_000_000, 12_000_000)];
        for (var i = 0; i < n; i++)
        {
            var segment = Pick(random, segmentWeights);
            segments[i] = (byte)segment;
            minor[i] = random.Next(100) < 4 ? -random.NextInt64(50_000, 500_000) : random.NextInt64(prices[segment].Min, prices[segment].Max);
        }

        return (ticks, segments, minor);
    }

    /// <summary>Orders: most paid, 10 % cancelled, the rest spread over the journey.</summary>
    private static (long[], byte[]) GenerateOrders(Random random, double[] cdf, int n)
    {
        var ticks = SortedTicks(random, cdf, n);
        var status = new byte[n];
        (OrderStatus Status, double Weight)[] statuses =
        [
            (Core.OrderStatus.Paid, 60), (Core.OrderStatus.Cancelled, 10), (Core.OrderStatus.Invoiced, 8), (Core.OrderStatus.Shipped, 5),
            (Core.OrderStatus.Confirmed, 5), (Core.OrderStatus.InPreparation, 4), (Core.OrderStatus.Backordered, 3), (Core.OrderStatus.Rejected, 3), (Core.OrderStatus.Submitted, 2),
        ];
        var statusWeights = statuses.Select(s => s.Weight).ToArray();
        for (var i = 0; i < n; i++)
        {
            status[i] = (byte)statuses[Pick(random, statusWeights)].Status;
        }

        return (ticks, status);
    }

    /// <summary>Leads: 22 % won, 48 % lost within 90 days; 40 % from the website; a few busy salespeople; 5 % unassigned.</summary>
    private static (long[], long[], long[], byte[], ushort[], ushort[]) GenerateLeads(Random random, double[] cdf, int n)
    {
        var created = SortedTicks(random, cdf, n);
        var won = new long[n];
        var lost = new long[n];
        var source = new byte[n];
        var owner = new ushort[n];
        var campaign = new ushort[n];
        double[] sourceWeights = [0.40, 0.25, 0.15, 0.10, 0.05, 0.05];
        var ownerWeights = Enumerable.Range(0, Salespeople + 1).Select(k => k == 0 ? 2.0 : 10 / Math.Pow(k, 0.7)).ToArray();
        for (var i = 0; i < n; i++)
        {
            var closeAfter = TimeSpan.FromSeconds(random.Next(3600, 90 * 86_400)).Ticks;
            var outcome = random.Next(100);
            won[i] = outcome < 22 ? created[i] + closeAfter : KpiDataSet.Never;
            lost[i] = outcome is >= 22 and < 70 ? created[i] + closeAfter : KpiDataSet.Never;
            source[i] = (byte)Pick(random, sourceWeights);
            owner[i] = (ushort)Pick(random, ownerWeights); // 0 = unassigned
            campaign[i] = Sources[source[i]] == "campaign" ? (ushort)(1 + random.Next(CampaignCount)) : (ushort)0;
        }

        return (created, won, lost, source, owner, campaign);
    }

    /// <summary>Cumulative weights of the days of 2024–2026: month seasonality × weekday × yearly growth.</summary>
    private static double[] DayCdf()
    {
        double[] month = [0.8, 0.9, 1.3, 1.0, 1.0, 1.2, 0.9, 0.5, 1.2, 1.0, 1.0, 1.1];
        var days = (int)(End - Start).TotalDays;
        var cdf = new double[days];
        var total = 0.0;
        for (var d = 0; d < days; d++)
        {
            var date = Start.AddDays(d);
            var weekday = date.DayOfWeek switch { DayOfWeek.Sunday => 0.2, DayOfWeek.Saturday => 0.8, _ => 1.0 };
            total += month[date.Month - 1] * weekday * (1 + (0.15 * (date.Year - 2024)));
            cdf[d] = total;
        }

        for (var d = 0; d < days; d++)
        {
            cdf[d] /= total;
        }

        return cdf;
    }

    /// <summary>n instants drawn from the day distribution, mostly in working hours (07:00–19:00 UTC), whole seconds, sorted.</summary>
    private static long[] SortedTicks(Random random, double[] cdf, int n)
    {
        var ticks = new long[n];
        for (var i = 0; i < n; i++)
        {
            var day = Array.BinarySearch(cdf, random.NextDouble());
            day = Math.Min(day < 0 ? ~day : day, cdf.Length - 1);
            var second = random.Next(10) == 0 ? random.Next(86_400) : 25_200 + random.Next(43_200);
            ticks[i] = Start.UtcTicks + (day * TimeSpan.TicksPerDay) + (second * TimeSpan.TicksPerSecond);
        }

        Array.Sort(ticks);
        return ticks;
    }

    private static int Pick(Random random, double[] weights)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length - 1; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
