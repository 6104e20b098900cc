using System.Collections.Concurrent;
using EcoDrive.Erp.Stock;

namespace EcoDrive.Testing;

/// <summary>
/// The contract of <see cref="IStockRepository"/>, including the guarantee that concurrent reservations never
/// oversell: derive it and implement <see cref="StorageContract.BuildServicesAsync"/>.
/// </summary>
public abstract class StockRepositoryContract : StorageContract
{
    /// <summary>Stock with reservations reads back with the same state.</summary>
    [StorageFact]
    public async Task Add_ThenFind_ReturnsTheSameState()
    {
        var item = TestData.Stock(ProductId.New(), onHand: 7);
        item.Reserve(OrderId.New(), 2);
        item.Reserve(OrderId.New(), 3);
        await AddAsync(scope => Get<IStockRepository>(scope).Add(item));

        var found = (await ReadStockAsync(item.ProductId))!;

        Assert.Equal(Json(item.ToSnapshot()), Json(found.ToSnapshot()));
        Assert.Equal(2, found.Available);
        Assert.Null(await ReadStockAsync(ProductId.New()));
    }

    /// <summary>Two reservations from the same read: the second commit is refused and the first stands.</summary>
    [StorageFact]
    public async Task Commit_StaleWrite_IsRefusedAndTheFirstWriterWins()
    {
        var productId = await OpenStockAsync(onHand: 5);

        await AssertStaleWriteIsRefusedAsync<IStockRepository, StockItem>(
            stock => stock.FindAsync(productId),
            (item, writer) => item.Reserve(OrderId.New(), writer == 1 ? 4 : 3),
            (stock, item) => stock.Update(item),
            item => Json(item.ToSnapshot()));

        Assert.Equal(4, (await ReadStockAsync(productId))!.Reserved);
    }

    /// <summary>
    /// 1,000 orders of one unit each, from 32 concurrent units of work that retry when they lose a race, on 100 units
    /// in stock: exactly 100 are reserved, 900 find the stock short, and no unit of work ever sees negative availability.
    /// </summary>
    [StorageFact]
    public async Task Reserve_1000OrdersFrom32ConnectionsOn100Units_ReservesExactly100()
    {
        var productId = await OpenStockAsync(onHand: 100);
        var outcomes = new ConcurrentBag<ReservationOutcome>();
        var lowestAvailable = int.MaxValue;

        await Parallel.ForEachAsync(
            Enumerable.Range(0, 1000),
            new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (_, cancellationToken) => outcomes.Add(await WithRetryAsync(
                async scope =>
                {
                    var stock = Get<IStockRepository>(scope);
                    var item = (await stock.FindAsync(productId, cancellationToken))!;
                    InterlockedMin(ref lowestAvailable, item.Available);
                    var outcome = item.Reserve(OrderId.New(), 1);
                    stock.Update(item);
                    return outcome;
                },
                cancellationToken)));

        Assert.Equal(100, outcomes.Count(o => o == ReservationOutcome.Reserved));
        Assert.Equal(900, outcomes.Count(o => o == ReservationOutcome.Insufficient));
        Assert.True(lowestAvailable >= 0);
        var stored = (await ReadStockAsync(productId))!;
        Assert.Equal(100, stored.Reserved);
        Assert.Equal(0, stored.Available);
        Assert.Equal(100, stored.Reservations.Count);
    }

    /// <summary>The same order reserved from 16 concurrent units of work is reserved once.</summary>
    [StorageFact]
    public async Task Reserve_SameOrderFrom16Connections_ReservesOnce()
    {
        var productId = await OpenStockAsync(onHand: 50);
        var orderId = OrderId.New();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => WithRetryAsync(async scope =>
        {
            var stock = Get<IStockRepository>(scope);
            var item = (await stock.FindAsync(productId))!;
            var outcome = item.Reserve(orderId, 3);
            stock.Update(item);
            return outcome;
        }))));

        Assert.Equal(1, outcomes.Count(o => o == ReservationOutcome.Reserved));
        Assert.Equal(15, outcomes.Count(o => o == ReservationOutcome.AlreadyReserved));
        Assert.Equal(3, (await ReadStockAsync(productId))!.Reserved);
    }

    /// <summary>Opens the stock of a new product with units on hand.</summary>
    /// <param name="onHand">Units on hand.</param>
    /// <returns>The product's id.</returns>
    protected async Task<ProductId> OpenStockAsync(int onHand)
    {
        var item = TestData.Stock(ProductId.New(), onHand);
        await AddAsync(scope => Get<IStockRepository>(scope).Add(item));
        return item.ProductId;
    }

    /// <summary>Reads a product's stock in a new scope.</summary>
    /// <param name="productId">The product.</param>
    /// <returns>The stock, or <see langword="null"/>.</returns>
    protected Task<StockItem?> ReadStockAsync(ProductId productId) => ReadAsync(scope => Get<IStockRepository>(scope).FindAsync(productId));

    private static void InterlockedMin(ref int target, int value)
    {
        int current;
        while (value < (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
