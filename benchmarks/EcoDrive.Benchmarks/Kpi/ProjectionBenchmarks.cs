using BenchmarkDotNet.Attributes;
using EcoDrive.Core;
using EcoDrive.Kpi;

namespace EcoDrive.Benchmarks.Kpi;

/// <summary>
/// The incremental dashboard: the cost of applying one event (a mix of order submissions, status changes, lead
/// creations, wins, losses and invoice lines, in time order, from the 1M data set) to a
/// <see cref="SalesDashboardProjection"/> of the three years by day (the same events over and over: the counts drift,
/// the cost does not), and the cost of reading the dashboard from a projection fed a consistent history.
/// </summary>
[MemoryDiagnoser]
public class ProjectionBenchmarks
{
    private const int Events = 1_200_000;
    private static readonly ReportingPeriod Period = new(new DateOnly(2024, 1, 1), new DateOnly(2027, 1, 1), TimeBucket.Day);

    private readonly byte[] _kinds = new byte[Events];
    private readonly int[] _rows = new int[Events];
    private OrderFact[] _orders = [];
    private LeadFact[] _leads = [];
    private RevenueFact[] _lines = [];
    private SalesDashboardProjection _projection = null!;
    private SalesDashboardProjection _read = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = KpiDataSet.Get(1_000_000);
        _orders = data.OrderRecords()[..200_000];
        _leads = data.LeadRecords()[..200_000];
        _lines = data.RevenueRecords()[..200_000];

        // Six kinds × 200,000 events, interleaved: submit, change, create, win, lose, invoice line.
        for (var i = 0; i < Events; i++)
        {
            _kinds[i] = (byte)(i % 6);
            _rows[i] = i / 6;
        }

        _projection = new SalesDashboardProjection(Period);

        // The dashboard to read comes from a consistent history: every lead created, then won or lost once.
        _read = new SalesDashboardProjection(Period);
        for (var row = 0; row < _leads.Length; row++)
        {
            _read.OrderSubmitted(_orders[row]);
            _read.LeadCreated(_leads[row] with { WonAt = null, LostAt = null });
            if (row % 3 == 0)
            {
                _read.LeadWon(_leads[row] with { WonAt = _leads[row].CreatedAt, LostAt = null });
            }
            else if (row % 3 == 1)
            {
                _read.LeadLost(_leads[row] with { LostAt = _leads[row].CreatedAt, WonAt = null });
            }

            _read.RevenueIssued(_lines[row]);
        }
    }

    [Benchmark(OperationsPerInvoke = Events, Description = "Projection: apply one event")]
    public void Apply()
    {
        var projection = _projection;
        for (var i = 0; i < _kinds.Length; i++)
        {
            var row = _rows[i];
            switch (_kinds[i])
            {
                case 0:
                    projection.OrderSubmitted(_orders[row] with { Status = OrderStatus.Submitted });
                    break;
                case 1:
                    projection.OrderStatusChanged(_orders[row], OrderStatus.Submitted, _orders[row].SubmittedAt);
                    break;
                case 2:
                    projection.LeadCreated(_leads[row]);
                    break;
                case 3:
                    projection.LeadWon(_leads[row] with { WonAt = _leads[row].CreatedAt, LostAt = null });
                    break;
                case 4:
                    projection.LeadLost(_leads[row] with { LostAt = _leads[row].CreatedAt, WonAt = null });
                    break;
                default:
                    projection.RevenueIssued(_lines[row]);
                    break;
            }
        }
    }

    [Benchmark(Description = "Projection: read the dashboard (1,096 days)")]
    public SalesDashboardReport Read() => _read.ToReport(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
}
