using EcoDrive.Erp.Stock;
using EcoDrive.Application.Messaging;

namespace EcoDrive.Testing;

/// <summary>
/// The contract of <see cref="IUnitOfWork"/>: one per DI scope, an identity map, all-or-nothing commits. Derive it and
/// implement <see cref="StorageContract.BuildServicesAsync"/>.
/// </summary>
public abstract class UnitOfWorkContract : StorageContract
{
    /// <summary>Changes staged in a scope that is disposed without a commit are lost.</summary>
    [StorageFact]
    public async Task Scope_WithoutCommit_WritesNothing()
    {
        var productId = await OpenStockAsync(onHand: 5);

        await using (var scope = NewScope())
        {
            var item = (await Get<IStockRepository>(scope).FindAsync(productId))!;
            item.Receive(10);
            Get<IStockRepository>(scope).Update(item);
            Get<IStockRepository>(scope).Add(TestData.Stock(ProductId.New(), 1));
        }

        Assert.Equal(5, (await ReadStockAsync(productId))!.OnHand);
    }

    /// <summary>One aggregate read twice in a scope is one instance.</summary>
    [StorageFact]
    public async Task Find_TwiceInOneScope_ReturnsTheSameInstance()
    {
        var productId = await OpenStockAsync(onHand: 1);
        await using var scope = NewScope();

        Assert.Same(await Get<IStockRepository>(scope).FindAsync(productId), await Get<IStockRepository>(scope).FindAsync(productId));
    }

    /// <summary>Updating an aggregate the scope did not read is a programming error.</summary>
    [StorageFact]
    public async Task Update_OfAnAggregateNotReadInTheScope_Throws()
    {
        await using var scope = NewScope();

        Assert.Throws<InvalidOperationException>(() => Get<IStockRepository>(scope).Update(StockItem.OpenFor(ProductId.New())));
    }

    /// <summary>
    /// A commit with one stale write among several writes nothing at all: not the other aggregates, not the new one,
    /// not the outbox message.
    /// </summary>
    [StorageFact]
    public async Task Commit_WithOneStaleWrite_WritesNothingAtAll()
    {
        var fresh = await OpenStockAsync(onHand: 5);
        var contended = await OpenStockAsync(onHand: 5);
        var added = ProductId.New();
        await using var scope = NewScope();
        var stock = Get<IStockRepository>(scope);
        var freshItem = (await stock.FindAsync(fresh))!;
        var contendedItem = (await stock.FindAsync(contended))!;

        await InScopeAsync(async other =>
        {
            var item = (await Get<IStockRepository>(other).FindAsync(contended))!;
            item.Receive(1);
            Get<IStockRepository>(other).Update(item);
        });
        freshItem.Receive(3);
        contendedItem.Receive(3);
        stock.Update(freshItem);
        stock.Update(contendedItem);
        stock.Add(TestData.Stock(added, 2));
        Get<IOutbox>(scope).Enqueue(new OrderStatusChanged(Guid.CreateVersion7(), TestData.Start, OrderId.New(), new OrderStatusEntry(OrderStatus.Confirmed, TestData.Start, null, null, 2)));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => CommitAsync(scope));

        Assert.Equal(5, (await ReadStockAsync(fresh))!.OnHand);
        Assert.Equal(6, (await ReadStockAsync(contended))!.OnHand);
        Assert.Null(await ReadStockAsync(added));
        Assert.Equal(0, await ((IOutboxStore)Services.GetService(typeof(IOutboxStore))!).CountPendingAsync());
    }

    /// <summary>A scope may commit, change the same aggregate again and commit again.</summary>
    [StorageFact]
    public async Task Commit_TwiceInOneScope_KeepsBothChanges()
    {
        var productId = await OpenStockAsync(onHand: 1);
        await using var scope = NewScope();
        var stock = Get<IStockRepository>(scope);
        var item = (await stock.FindAsync(productId))!;

        item.Receive(1);
        stock.Update(item);
        await CommitAsync(scope);
        item.Receive(1);
        stock.Update(item);
        await CommitAsync(scope);

        Assert.Equal(3, (await ReadStockAsync(productId))!.OnHand);
    }

    /// <summary>A commit cancelled before it starts writes nothing.</summary>
    [StorageFact]
    public async Task Commit_Cancelled_WritesNothing()
    {
        var productId = await OpenStockAsync(onHand: 1);
        await using (var scope = NewScope())
        {
            var item = (await Get<IStockRepository>(scope).FindAsync(productId))!;
            item.Receive(4);
            Get<IStockRepository>(scope).Update(item);

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CommitAsync(scope, new CancellationToken(canceled: true)));
        }

        Assert.Equal(1, (await ReadStockAsync(productId))!.OnHand);
    }

    /// <summary>A commit with nothing staged succeeds and changes nothing.</summary>
    [StorageFact]
    public async Task Commit_NothingStaged_Succeeds()
    {
        await using var scope = NewScope();

        await CommitAsync(scope);
        await CommitAsync(scope);
    }

    private async Task<ProductId> OpenStockAsync(int onHand)
    {
        var item = TestData.Stock(ProductId.New(), onHand);
        await AddAsync(scope => Get<IStockRepository>(scope).Add(item));
        return item.ProductId;
    }

    private Task<StockItem?> ReadStockAsync(ProductId productId) => ReadAsync(scope => Get<IStockRepository>(scope).FindAsync(productId));
}
