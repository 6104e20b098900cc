using CsCheck;
using EcoDrive.Erp.Stock;

namespace EcoDrive.Erp.Tests.Stock;

public sealed partial class StockItemTests
{
    private static readonly OrderId[] s_orders = [.. Enumerable.Range(0, 6).Select(_ => OrderId.New())];
    private static readonly DateTimeOffset s_at = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnySequenceOfOperations_KeepsStockNonNegativeNeverOversoldAndMatchesTheReferenceModel()
    {
        var initial = Gen.Int[0, 12].Select(onHand =>
        {
            var item = StockItem.OpenFor(ProductId.New());
            if (onHand > 0)
            {
                item.Receive(onHand);
            }

            return (new Actual(item), new Reference { OnHand = onHand });
        });
        var order = Gen.Int[0, s_orders.Length - 1];

        initial.SampleModelBased(
            Gen.Int[1, 6].Operation<Actual, Reference>(
                (a, quantity) => a.Item.Receive(quantity),
                (m, quantity) => m.OnHand += quantity),
            Gen.Select(order, Gen.Int[1, 6]).Operation<Actual, Reference>(
                (a, t) => a.Item.Reserve(s_orders[t.Item1], t.Item2),
                (m, t) => m.Reserve(t.Item1, t.Item2)),
            Gen.Select(order, Gen.Int[1, 6], Gen.Int[0, 3]).Operation<Actual, Reference>(
                (a, t) => a.Item.Backorder(s_orders[t.Item1], t.Item2, s_at.AddMinutes(t.Item3)),
                (m, t) => m.Backorder(t.Item1, t.Item2, t.Item3)),
            order.Operation<Actual, Reference>(
                (a, o) => a.Item.Release(s_orders[o]),
                (m, o) => m.Release(o)),
            order.Operation<Actual, Reference>(
                (a, o) => a.Try<DomainException>(() => a.Item.Consume(s_orders[o])),
                (m, o) => m.Ship(o)),
            Gen.Int[-8, 8].Where(c => c != 0).Operation<Actual, Reference>(
                (a, change) => a.Try<StockBelowReservedException>(() => a.Item.Adjust(change, "inventory count", s_at)),
                (m, change) => m.Adjust(change)),
            equal: (a, m) =>
                a.Item.OnHand >= 0 && a.Item.Reserved >= 0 && a.Item.Reserved <= a.Item.OnHand && a.Item.Available == a.Item.OnHand - a.Item.Reserved
                && a.Item.OnHand == m.OnHand
                && a.Item.Reservations.Count == m.Reservations.Count
                && m.Reservations.All(r => a.Item.Reservations.TryGetValue(s_orders[r.Key], out var q) && q == r.Value)
                && a.Item.Backorders.Select(b => (b.OrderId, b.Quantity)).SequenceEqual(m.QueueInServiceOrder().Select(q => (s_orders[q.Order], q.Quantity)))
                && a.LastRefusal == m.LastRefusal,
            iter: 1000,
            printActual: a => $"on hand {a.Item.OnHand}, reserved [{string.Join(", ", a.Item.Reservations.Values)}], queued {a.Item.Backorders.Count}, refused {a.LastRefusal}",
            printModel: m => $"on hand {m.OnHand}, reserved [{string.Join(", ", m.Reservations.Values)}], queued {m.Queue.Count}, refused {m.LastRefusal}");
    }

    /// <summary>The stock item under test, and the code of the last operation it refused.</summary>
    private sealed class Actual(StockItem item)
    {
        public StockItem Item { get; } = item;

        public string? LastRefusal { get; private set; }

        public void Try<TError>(Action operation)
            where TError : DomainException
        {
            try
            {
                operation();
                LastRefusal = null;
            }
            catch (TError error)
            {
                LastRefusal = error.Code;
            }
        }
    }

    /// <summary>The rules of DESIGN.md §4 in their plainest form: a number on hand, a map of reservations, a queue.</summary>
    private sealed class Reference
    {
        public int OnHand { get; set; }

        public Dictionary<int, int> Reservations { get; } = [];

        public List<(int Order, int Quantity, int Minute)> Queue { get; } = [];

        public string? LastRefusal { get; private set; }

        private int Reserved => Reservations.Values.Sum();

        public void Reserve(int order, int quantity)
        {
            if (!Reservations.ContainsKey(order) && quantity <= OnHand - Reserved)
            {
                Reservations[order] = quantity;
                Queue.RemoveAll(q => q.Order == order);
            }
        }

        public void Backorder(int order, int quantity, int minute)
        {
            if (!Reservations.ContainsKey(order) && !Queue.Exists(q => q.Order == order))
            {
                Queue.Add((order, quantity, minute));
            }
        }

        public void Release(int order)
        {
            Reservations.Remove(order);
            Queue.RemoveAll(q => q.Order == order);
        }

        public void Ship(int order)
        {
            LastRefusal = Reservations.Remove(order, out var quantity) ? null : "stock.not-reserved";
            OnHand -= LastRefusal is null ? quantity : 0;
        }

        public void Adjust(int change)
        {
            LastRefusal = OnHand + change >= Reserved ? null : "stock.below-reserved";
            OnHand += LastRefusal is null ? change : 0;
        }

        public IEnumerable<(int Order, int Quantity)> QueueInServiceOrder() =>
            Queue.OrderBy(q => q.Minute).ThenBy(q => s_orders[q.Order].Value).Select(q => (q.Order, q.Quantity));
    }
}
