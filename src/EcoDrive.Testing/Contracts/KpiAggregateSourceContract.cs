using EcoDrive.Crm.Leads;
using EcoDrive.Crm.Orders;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Invoices;
using EcoDrive.Kpi;

namespace EcoDrive.Testing;

/// <summary>
/// The contract of <see cref="IKpiAggregateSource"/>: over orders, leads, invoices and credit notes stored through the
/// repositories, the dashboard laid out from the adapter's aggregates is exactly the one the calculators compute over
/// the same facts, for day buckets across a daylight-saving change, week buckets in another time zone and month
/// buckets in UTC, with facts on and just off the bucket boundaries. Derive it and implement
/// <see cref="StorageContract.BuildServicesAsync"/>. An adapter that registers no aggregate source is tested through
/// <see cref="FactKpiAggregateSource"/> over its <see cref="IKpiFactSource"/>, which is what the dashboard then uses.
/// </summary>
public abstract class KpiAggregateSourceContract : StorageContract
{
    // Paris moves its clocks forward on 29 March 2026: that day lasts 23 hours.
    private static readonly ReportingPeriod ParisDays = new(new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 6), TimeBucket.Day);
    private static readonly ReportingPeriod NewYorkWeeks = new(new DateOnly(2026, 2, 23), new DateOnly(2026, 4, 13), TimeBucket.IsoWeek, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
    private static readonly ReportingPeriod UtcMonths = new(new DateOnly(2026, 2, 1), new DateOnly(2026, 5, 1), TimeBucket.Month, TimeZoneInfo.Utc);
    private static readonly ReportingPeriod[] Periods = [ParisDays, NewYorkWeeks, UtcMonths];

    private static readonly ProductSegment[] Segments = [ProductSegment.Suv, ProductSegment.CityCar, ProductSegment.Utility, new("sports")];
    private static readonly UserId[] Owners = [TestData.Salesperson, UserId.New()];
    private static readonly CampaignId[] Campaigns = [CampaignId.New(), CampaignId.New()];

    /// <summary>The aggregate source under test: the adapter's, or the in-memory aggregation of its facts.</summary>
    protected IKpiAggregateSource Aggregates =>
        Services.GetService(typeof(IKpiAggregateSource)) as IKpiAggregateSource ?? new FactKpiAggregateSource((IKpiFactSource)Services.GetService(typeof(IKpiFactSource))!);

    /// <summary>New orders per bucket and per status equal the calculator's over the stored orders, boundaries included.</summary>
    [StorageFact]
    public async Task CountOrders_EqualsTheCalculatorOverTheStoredOrders()
    {
        var facts = await SeedOrdersAsync(new Random(11), 120);

        foreach (var period in Periods)
        {
            var rows = await Aggregates.CountOrdersAsync(period);

            AssertSameJson(NewOrdersCalculator.Compute(period, facts), NewOrdersCalculator.FromCounts(period, rows));
        }
    }

    /// <summary>Each bucket is half-open: an order at a bucket's first instant counts there, one a second earlier in the bucket before.</summary>
    [StorageFact]
    public async Task CountOrders_PutsAnOrderOnABoundaryInTheBucketItStarts()
    {
        var line = TestData.Line(TestData.Product(ProductSegment.Suv));
        var boundary = ParisDays.Buckets[27].UtcStart; // 29 March 2026, 00:00 in Paris
        var onBoundary = TestData.OrderView(CustomerId.New(), [line], boundary);
        var justBefore = TestData.OrderView(CustomerId.New(), [line], boundary.AddSeconds(-1));
        var atPeriodEnd = TestData.OrderView(CustomerId.New(), [line], ParisDays.UtcEnd);
        await AddAsync(scope =>
        {
            foreach (var view in new[] { onBoundary, justBefore, atPeriodEnd })
            {
                Get<IOrderViewRepository>(scope).Add(view);
            }
        });

        var rows = await Aggregates.CountOrdersAsync(ParisDays);

        Assert.Equal(
            new[] { new OrderCount(26, OrderStatus.Submitted, 1), new OrderCount(27, OrderStatus.Submitted, 1) },
            rows.OrderBy(r => r.BucketIndex));
    }

    /// <summary>The conversion cohort by source, owner and campaign equals the calculator's, as of several instants.</summary>
    [StorageFact]
    public async Task CountLeadOutcomes_EqualsTheCalculatorOverTheStoredLeads()
    {
        var facts = await SeedLeadsAsync(new Random(12), 80);

        foreach (var period in Periods)
        {
            foreach (var asOf in new[] { period.UtcStart.AddDays(10), period.UtcEnd, period.UtcEnd.AddDays(60) })
            {
                var rows = await Aggregates.CountLeadOutcomesAsync(period, asOf);

                AssertSameJson(ConversionCalculator.Compute(period, facts, asOf), ConversionCalculator.FromCounts(period, rows, asOf));
            }
        }
    }

    /// <summary>A lead won at the as-of instant counts as won; one won a second later is still open (or lost, if it was lost by then).</summary>
    [StorageFact]
    public async Task CountLeadOutcomes_CountsAWinAtTheAsOfInstantAndNotAfter()
    {
        var asOf = ParisDays.UtcStart.AddDays(5);
        var wonAtAsOf = WonLead(ParisDays.UtcStart.AddHours(10), asOf);
        var wonLater = WonLead(ParisDays.UtcStart.AddHours(11), asOf.AddSeconds(1));
        await AddAsync(scope =>
        {
            Get<ILeadRepository>(scope).Add(wonAtAsOf);
            Get<ILeadRepository>(scope).Add(wonLater);
        });

        var rows = await Aggregates.CountLeadOutcomesAsync(ParisDays, asOf);

        Assert.Equal([new LeadOutcomeCount("showroom", TestData.Salesperson, null, 2, 1, 0)], rows);
    }

    /// <summary>Revenue per segment and currency equals the calculator's over the stored invoice and credit-note lines.</summary>
    [StorageFact]
    public async Task SumRevenue_EqualsTheCalculatorOverTheStoredLines()
    {
        var facts = await SeedRevenueAsync(new Random(13), 40);

        foreach (var period in Periods)
        {
            var rows = await Aggregates.SumRevenueAsync(period);

            AssertSameJson(RevenueBySegmentCalculator.Compute(period, facts), RevenueBySegmentCalculator.FromSums(period, rows));
        }
    }

    /// <summary>The whole dashboard, as <see cref="SalesDashboard"/> lays it out from the aggregates, equals the calculators'.</summary>
    [StorageFact]
    public async Task Dashboard_FromTheAggregates_EqualsTheCalculatorsOverTheStoredFacts()
    {
        var random = new Random(14);
        var orders = await SeedOrdersAsync(random, 40);
        var leads = await SeedLeadsAsync(random, 40);
        var revenue = await SeedRevenueAsync(random, 15);
        var asOf = ParisDays.UtcEnd;

        var report = await new SalesDashboard(Aggregates).ComputeAsync(ParisDays, asOf);

        AssertSameJson(
            new SalesDashboardReport(
                ParisDays,
                asOf,
                NewOrdersCalculator.Compute(ParisDays, orders),
                ConversionCalculator.Compute(ParisDays, leads, asOf),
                RevenueBySegmentCalculator.Compute(ParisDays, revenue)),
            report);
    }

    /// <summary>An empty store aggregates to no rows.</summary>
    [StorageFact]
    public async Task Aggregates_EmptyStore_ReturnNoRows()
    {
        Assert.Empty(await Aggregates.CountOrdersAsync(ParisDays));
        Assert.Empty(await Aggregates.CountLeadOutcomesAsync(ParisDays, ParisDays.UtcEnd));
        Assert.Empty(await Aggregates.SumRevenueAsync(ParisDays));
    }

    /// <summary>An instant somewhere in February to April 2026, in whole seconds; one in four on a Paris midnight or a second off it.</summary>
    private static DateTimeOffset Instant(Random random)
    {
        var first = new DateTimeOffset(2026, 1, 25, 0, 0, 0, TimeSpan.Zero);
        if (random.Next(4) == 0)
        {
            var boundary = ParisDays.Buckets[random.Next(ParisDays.Buckets.Count)].UtcStart;
            return boundary.AddSeconds(random.Next(-1, 2));
        }

        return first.AddSeconds(random.NextInt64((long)TimeSpan.FromDays(100).TotalSeconds));
    }

    private static Lead WonLead(DateTimeOffset createdAt, DateTimeOffset wonAt)
    {
        var lead = TestData.Lead(createdAt, LeadChannel.Showroom, TestData.Salesperson);
        lead.Contact(TestData.Salesperson, createdAt.AddSeconds(1));
        lead.Qualify(TestData.Salesperson, createdAt.AddSeconds(2));
        lead.Win(CustomerId.New(), TestData.Salesperson, wonAt);
        return lead;
    }

    private static void AssertSameJson<T>(T expected, T actual) => Assert.Equal(Json(expected), Json(actual));

    private async Task<List<OrderFact>> SeedOrdersAsync(Random random, int count)
    {
        var line = TestData.Line(TestData.Product(ProductSegment.Suv));
        var statuses = Enum.GetValues<OrderStatus>();
        var views = new List<OrderView>(count);
        var facts = new List<OrderFact>(count);
        for (var i = 0; i < count; i++)
        {
            var submittedAt = Instant(random);
            var view = TestData.OrderView(CustomerId.New(), [line], submittedAt);
            var status = statuses[random.Next(statuses.Length)];
            if (status != OrderStatus.Submitted)
            {
                view.Apply(new OrderStatusEntry(status, submittedAt.AddHours(1), null, null, 2));
            }

            views.Add(view);
            facts.Add(new OrderFact(view.Id, submittedAt, status, TestData.Salesperson));
        }

        await AddAsync(scope => views.ForEach(Get<IOrderViewRepository>(scope).Add));
        return facts;
    }

    private async Task<List<LeadFact>> SeedLeadsAsync(Random random, int count)
    {
        var channels = new[] { LeadChannel.Website, LeadChannel.Showroom, LeadChannel.Phone };
        var leads = new List<Lead>(count);
        var facts = new List<LeadFact>(count);
        for (var i = 0; i < count; i++)
        {
            var createdAt = Instant(random);
            var owner = random.Next(3) is var o && o < Owners.Length ? Owners[o] : (UserId?)null;
            var campaign = random.Next(3) is var c && c < Campaigns.Length ? Campaigns[c] : (CampaignId?)null;
            var source = campaign is { } id ? LeadSource.FromCampaign(id) : LeadSource.From(channels[random.Next(channels.Length)]);
            var lead = Lead.Capture(LeadId.New(), "Inès", "Petit", Core.Customers.ContactDetails.None, source, [ProductSegment.Suv], owner, createdAt);
            DateTimeOffset? wonAt = null, lostAt = null;
            var actor = owner ?? TestData.Salesperson;
            switch (random.Next(3))
            {
                case 0:
                    lead.Contact(actor, createdAt.AddHours(1));
                    lead.Qualify(actor, createdAt.AddHours(2));
                    lead.Win(CustomerId.New(), actor, (wonAt = createdAt.AddDays(random.Next(1, 60))).Value);
                    break;
                case 1:
                    lead.Lose("bought elsewhere", actor, (lostAt = createdAt.AddDays(random.Next(1, 60))).Value);
                    break;
            }

            leads.Add(lead);
            facts.Add(new LeadFact(lead.Id, createdAt, wonAt, lostAt, lead.Source.Code, owner, campaign));
        }

        await AddAsync(scope => leads.ForEach(Get<ILeadRepository>(scope).Add));
        return facts;
    }

    private async Task<List<RevenueFact>> SeedRevenueAsync(Random random, int count)
    {
        var customer = TestData.Customer();
        var products = Segments.Select(segment => TestData.Product(segment, random.Next(15_000, 90_000) + (random.Next(100) / 100m)))
            .Append(Product.Create(ProductId.New(), "Volt US import", ProductSegment.Suv, new Money(51_999.99m, Currency.FromCode("USD")), VatRate.FrenchStandard))
            .ToArray();
        var invoices = new List<Invoice>(count);
        var creditNotes = new List<CreditNote>();
        var facts = new List<RevenueFact>();
        for (var i = 0; i < count; i++)
        {
            var product = products[random.Next(products.Length)];
            var other = products[random.Next(products.Length - 1)];
            var issuedAt = Instant(random);
            var lines = product.ListPrice.Currency == other.ListPrice.Currency && product.Id != other.Id
                ? new[] { (product, random.Next(1, 4)), (other, 1) }
                : [(product, random.Next(1, 4))];
            var invoice = TestData.Invoice(customer, new InvoiceNumber(InvoiceSeries.Invoice, 2026, i + 1), issuedAt, lines);
            invoices.Add(invoice);
            facts.AddRange(invoice.Lines.Select(line => new RevenueFact(issuedAt, line.Segment, line.Net)));
            if (random.Next(4) == 0)
            {
                var creditNote = TestData.CreditNote(invoice, new InvoiceNumber(InvoiceSeries.CreditNote, 2026, creditNotes.Count + 1), issuedAt.AddDays(random.Next(0, 40)));
                creditNotes.Add(creditNote);
                facts.AddRange(invoice.Lines.Select(line => new RevenueFact(creditNote.IssuedAt, line.Segment, -line.Net)));
            }
        }

        await AddAsync(scope =>
        {
            invoices.ForEach(Get<IInvoiceRepository>(scope).Add);
            creditNotes.ForEach(Get<ICreditNoteRepository>(scope).Add);
        });
        return facts;
    }
}
