using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Stock;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Storage.InMemory.Tests;

public sealed class InMemoryUnitOfWorkTests : IAsyncDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddEcoDriveInMemoryStorage().BuildServiceProvider();

    [Fact]
    public async Task Commit_StaleWrite_IsRefusedAndTheFirstWriterWins()
    {
        var productId = await OpenStockAsync(onHand: 5);
        await using var first = _services.CreateAsyncScope();
        await using var second = _services.CreateAsyncScope();
        var firstItem = (await Stock(first).FindAsync(productId))!;
        var secondItem = (await Stock(second).FindAsync(productId))!;

        firstItem.Reserve(OrderId.New(), 4);
        Stock(first).Update(firstItem);
        await Commit(first);
        secondItem.Reserve(OrderId.New(), 3);
        Stock(second).Update(secondItem);
        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Commit(second));

        Assert.Equal("storage.concurrency-conflict", error.Code);
        Assert.Equal(4, (await ReadStockAsync(productId)).Reserved);
    }

    [Fact]
    public async Task Scope_WithoutCommit_WritesNothing()
    {
        var productId = await OpenStockAsync(onHand: 5);

        await using (var scope = _services.CreateAsyncScope())
        {
            var item = (await Stock(scope).FindAsync(productId))!;
            item.Receive(10);
            Stock(scope).Update(item);
        }

        Assert.Equal(5, (await ReadStockAsync(productId)).OnHand);
    }

    [Fact]
    public async Task Find_TwiceInOneScope_ReturnsTheSameInstance()
    {
        var productId = await OpenStockAsync(onHand: 1);
        await using var scope = _services.CreateAsyncScope();

        Assert.Same(await Stock(scope).FindAsync(productId), await Stock(scope).FindAsync(productId));
    }

    [Fact]
    public async Task Update_OfAnAggregateNotReadInTheScope_Throws()
    {
        await using var scope = _services.CreateAsyncScope();

        Assert.Throws<InvalidOperationException>(() => Stock(scope).Update(StockItem.OpenFor(ProductId.New())));
    }

    [Fact]
    public async Task Reserve_1000OrdersFrom32TasksOn100Units_ConfirmsExactly100()
    {
        var productId = await OpenStockAsync(onHand: 100);
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<ReservationOutcome>();

        await Parallel.ForEachAsync(
            Enumerable.Range(0, 1000),
            new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (_, cancellationToken) => outcomes.Add(await ReserveWithRetryAsync(productId, OrderId.New(), cancellationToken)));

        Assert.Equal(100, outcomes.Count(o => o == ReservationOutcome.Reserved));
        Assert.Equal(900, outcomes.Count(o => o == ReservationOutcome.Insufficient));
        var stock = await ReadStockAsync(productId);
        Assert.Equal(100, stock.Reserved);
        Assert.Equal(0, stock.Available);
    }

    [Fact]
    public async Task NextInvoiceNumber_1000From16Tasks_GivesOneToThousandWithoutGapOrDuplicate()
    {
        var numbers = new System.Collections.Concurrent.ConcurrentBag<long>();

        await Parallel.ForEachAsync(
            Enumerable.Range(0, 1000),
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (_, cancellationToken) => numbers.Add(await NextNumberWithRetryAsync(cancellationToken)));

        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), numbers.Order());
    }

    [Fact]
    public async Task NextInvoiceNumber_RolledBack_UsesNoNumber()
    {
        await using (var abandoned = _services.CreateAsyncScope())
        {
            await abandoned.ServiceProvider.GetRequiredService<IInvoiceNumberSequence>().NextAsync(InvoiceSeries.Invoice, 2026);
        }

        Assert.Equal(1, await NextNumberWithRetryAsync(CancellationToken.None));
        Assert.Equal(2, await NextNumberWithRetryAsync(CancellationToken.None));
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static IStockRepository Stock(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<IStockRepository>();

    private static Task Commit(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync();

    private async Task<ProductId> OpenStockAsync(int onHand)
    {
        await using var scope = _services.CreateAsyncScope();
        var item = StockItem.OpenFor(ProductId.New());
        item.Receive(onHand);
        Stock(scope).Add(item);
        await Commit(scope);
        return item.ProductId;
    }

    private async Task<StockItem> ReadStockAsync(ProductId productId)
    {
        await using var scope = _services.CreateAsyncScope();
        return (await Stock(scope).FindAsync(productId))!;
    }

    private async Task<ReservationOutcome> ReserveWithRetryAsync(ProductId productId, OrderId orderId, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var scope = _services.CreateAsyncScope();
            var item = (await Stock(scope).FindAsync(productId, cancellationToken))!;
            var outcome = item.Reserve(orderId, 1);
            Stock(scope).Update(item);
            try
            {
                await Commit(scope);
                return outcome;
            }
            catch (ConcurrencyConflictException)
            {
                await Task.Yield();
            }
        }
    }

    private async Task<long> NextNumberWithRetryAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var scope = _services.CreateAsyncScope();
            var number = await scope.ServiceProvider.GetRequiredService<IInvoiceNumberSequence>().NextAsync(InvoiceSeries.Invoice, 2026, cancellationToken);
            try
            {
                await Commit(scope);
                return number.Sequence;
            }
            catch (ConcurrencyConflictException)
            {
                await Task.Yield();
            }
        }
    }
}
