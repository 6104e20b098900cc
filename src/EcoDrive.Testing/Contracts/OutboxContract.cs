using EcoDrive.Erp.Stock;
using EcoDrive.Integration.Messaging;

namespace EcoDrive.Testing;

/// <summary>
/// The contract of <see cref="IOutbox"/>, <see cref="IOutboxStore"/> and <see cref="IInbox"/>: messages are stored only
/// with the unit of work that wrote them, come back intact and oldest first, back off after a failure, and an inbox
/// mark refuses a second commit of the same message together with its changes. Derive it and implement
/// <see cref="StorageContract.BuildServicesAsync"/>.
/// </summary>
public abstract class OutboxContract : StorageContract
{
    /// <summary>A committed message is due, with its whole content and type.</summary>
    [StorageFact]
    public async Task Enqueue_Committed_IsDueWithItsContent()
    {
        var product = TestData.Product(ProductSegment.Suv);
        var submitted = new OrderSubmitted(Guid.CreateVersion7(), TestData.Start, OrderId.New(), CustomerId.New(), TestData.Salesperson, [TestData.Line(product, 2)]);
        var changed = new OrderStatusChanged(Guid.CreateVersion7(), TestData.Start, submitted.OrderId, new OrderStatusChange(OrderStatus.Confirmed, TestData.Start, null, null, 2));
        await AddAsync(scope =>
        {
            Get<IOutbox>(scope).Enqueue(submitted);
            Get<IOutbox>(scope).Enqueue(changed);
        });

        var due = await Store.GetDueAsync(Clock.GetUtcNow(), 10);

        Assert.Equal(2, due.Count);
        var first = Assert.IsType<OrderSubmitted>(due[0].Message);
        Assert.Equal(Json(submitted), Json(first));
        Assert.Equal(Json(changed), Json(Assert.IsType<OrderStatusChanged>(due[1].Message)));
        Assert.Equal((0, null, null), (due[0].Attempts, due[0].NextAttemptAt, due[0].LastError));
        Assert.Equal(2, await Store.CountPendingAsync());
    }

    /// <summary>A message of a unit of work that never commits is never stored.</summary>
    [StorageFact]
    public async Task Enqueue_NotCommitted_StoresNothing()
    {
        await using (var scope = NewScope())
        {
            Get<IOutbox>(scope).Enqueue(StatusChanged());
        }

        Assert.Empty(await Store.GetDueAsync(Clock.GetUtcNow(), 10));
        Assert.Equal(0, await Store.CountPendingAsync());
    }

    /// <summary>Due messages come oldest first, at most as many as asked.</summary>
    [StorageFact]
    public async Task GetDue_ManyMessages_ReturnsTheOldestFirstUpToMaxCount()
    {
        var messages = Enumerable.Range(0, 5).Select(_ => StatusChanged()).ToArray();
        foreach (var message in messages)
        {
            await AddAsync(scope => Get<IOutbox>(scope).Enqueue(message));
        }

        var due = await Store.GetDueAsync(Clock.GetUtcNow(), 3);

        Assert.Equal(messages.Take(3).Select(m => m.MessageId), due.Select(e => e.Message.MessageId));
    }

    /// <summary>A delivered message is never handed out again.</summary>
    [StorageFact]
    public async Task MarkDelivered_RemovesTheMessage()
    {
        var message = StatusChanged();
        await AddAsync(scope => Get<IOutbox>(scope).Enqueue(message));

        await Store.MarkDeliveredAsync(message.MessageId);

        Assert.Empty(await Store.GetDueAsync(Clock.GetUtcNow(), 10));
        Assert.Equal(0, await Store.CountPendingAsync());
    }

    /// <summary>A failed message waits until its retry time, counted as pending meanwhile, with its attempts and error.</summary>
    [StorageFact]
    public async Task MarkFailed_DefersTheMessageUntilItsRetryTime()
    {
        var message = StatusChanged();
        await AddAsync(scope => Get<IOutbox>(scope).Enqueue(message));
        var retryAt = Clock.GetUtcNow().AddSeconds(30);

        await Store.MarkFailedAsync(message.MessageId, "order.not-found: no such order", retryAt);

        Assert.Empty(await Store.GetDueAsync(Clock.GetUtcNow(), 10));
        Assert.Equal(1, await Store.CountPendingAsync());
        var due = Assert.Single(await Store.GetDueAsync(retryAt, 10));
        Assert.Equal((1, retryAt, "order.not-found: no such order"), (due.Attempts, due.NextAttemptAt, due.LastError));
    }

    /// <summary>Asking for no message at all is a mistake.</summary>
    [StorageFact]
    public async Task GetDue_ZeroMaxCount_Throws() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.GetDueAsync(Clock.GetUtcNow(), 0));

    /// <summary>An unknown message is not processed; a committed mark is seen by later units of work.</summary>
    [StorageFact]
    public async Task MarkProcessed_Committed_IsSeenByLaterUnitsOfWork()
    {
        var messageId = Guid.CreateVersion7();
        Assert.False(await ReadAsync(scope => Get<IInbox>(scope).HasProcessedAsync(messageId)));

        await AddAsync(scope => Get<IInbox>(scope).MarkProcessed(messageId));

        Assert.True(await ReadAsync(scope => Get<IInbox>(scope).HasProcessedAsync(messageId)));
    }

    /// <summary>A mark staged in a unit of work is seen by that unit of work already.</summary>
    [StorageFact]
    public async Task MarkProcessed_Staged_IsSeenInTheSameUnitOfWork()
    {
        await using var scope = NewScope();
        var messageId = Guid.CreateVersion7();

        Get<IInbox>(scope).MarkProcessed(messageId);

        Assert.True(await Get<IInbox>(scope).HasProcessedAsync(messageId));
    }

    /// <summary>
    /// Two units of work handle the same message (two dispatchers): the second commit is refused, with its changes and
    /// the messages it would have sent, so the message is applied once.
    /// </summary>
    [StorageFact]
    public async Task MarkProcessed_SameMessageTwice_SecondCommitIsRefusedWithItsChanges()
    {
        var item = TestData.Stock(ProductId.New(), 5);
        await AddAsync(scope => Get<IStockRepository>(scope).Add(item));
        var messageId = Guid.CreateVersion7();
        await AddAsync(scope => Get<IInbox>(scope).MarkProcessed(messageId));

        await using (var scope = NewScope())
        {
            var stock = Get<IStockRepository>(scope);
            var stored = (await stock.FindAsync(item.ProductId))!;
            stored.Reserve(OrderId.New(), 2);
            stock.Update(stored);
            Get<IOutbox>(scope).Enqueue(StatusChanged());
            Get<IInbox>(scope).MarkProcessed(messageId);

            await Assert.ThrowsAsync<ConcurrencyConflictException>(() => CommitAsync(scope));
        }

        Assert.Equal(0, (await ReadAsync(scope => Get<IStockRepository>(scope).FindAsync(item.ProductId)))!.Reserved);
        Assert.Equal(0, await Store.CountPendingAsync());
    }

    /// <summary>The committed outbox.</summary>
    protected IOutboxStore Store => (IOutboxStore)Services.GetService(typeof(IOutboxStore))!;

    private static OrderStatusChanged StatusChanged() =>
        new(Guid.CreateVersion7(), TestData.Start, OrderId.New(), new OrderStatusChange(OrderStatus.Backordered, TestData.Start, null, null, 2));
}
