using EcoDrive.Erp.Stock;
using EcoDrive.Application.Messaging;

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
        var changed = new OrderStatusChanged(Guid.CreateVersion7(), TestData.Start, submitted.OrderId, new OrderStatusEntry(OrderStatus.Confirmed, TestData.Start, null, null, 2));
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
        await Assert.ThrowsAsync<InvalidInputException>(() => Store.GetDueAsync(Clock.GetUtcNow(), 0));

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

    /// <summary>A unit of work claims the oldest due messages, at most as many as asked, leaving out those backing off.</summary>
    [StorageFact]
    public async Task ClaimDue_ReturnsTheOldestDueMessagesUpToMaxCount()
    {
        var messages = await EnqueueAsync(4);
        await Store.MarkFailedAsync(messages[1].MessageId, "order.not-found: no such order", Clock.GetUtcNow().AddMinutes(1));

        await using var scope = NewScope();
        var claimed = await Get<IOutbox>(scope).ClaimDueAsync(Clock.GetUtcNow(), 2);

        Assert.Equal([messages[0].MessageId, messages[2].MessageId], Ids(claimed));
        Assert.Equal(Json(messages[0]), Json(Assert.IsType<OrderStatusChanged>(claimed[0].Message)));
    }

    /// <summary>Claiming no message at all is a mistake.</summary>
    [StorageFact]
    public async Task ClaimDue_ZeroMaxCount_Throws()
    {
        await using var scope = NewScope();

        await Assert.ThrowsAsync<InvalidInputException>(() => Get<IOutbox>(scope).ClaimDueAsync(Clock.GetUtcNow(), 0));
    }

    /// <summary>A claimed message marked delivered stays in the outbox until its unit of work commits, then leaves it.</summary>
    [StorageFact]
    public async Task MarkDelivered_Staged_RemovesTheMessageAtCommitOnly()
    {
        var messages = await EnqueueAsync(2);

        await using (var scope = NewScope())
        {
            var outbox = Get<IOutbox>(scope);
            Assert.Equal(Ids(messages), Ids(await outbox.ClaimDueAsync(Clock.GetUtcNow(), 10)));
            outbox.MarkDelivered(messages[0].MessageId);

            Assert.Equal(2, await Store.CountPendingAsync());
            Assert.Equal(Ids(messages), Ids(await Store.GetDueAsync(Clock.GetUtcNow(), 10)));

            await CommitAsync(scope);
        }

        Assert.Equal([messages[1].MessageId], Ids(await Store.GetDueAsync(Clock.GetUtcNow(), 10)));
        Assert.Equal(1, await Store.CountPendingAsync());
    }

    /// <summary>
    /// Two units of work claim at once (two dispatchers): they never hold the same message. Where claims take turns
    /// (a single writer), the second waits for the first and sees none of the messages it delivered.
    /// </summary>
    [StorageFact]
    public async Task ClaimDue_TwoUnitsOfWorkAtOnce_NeverShareAMessage()
    {
        var messages = await EnqueueAsync(4);
        var first = NewScope();
        var second = NewScope();
        await using (first)
        await using (second)
        {
            var mine = await Get<IOutbox>(first).ClaimDueAsync(Clock.GetUtcNow(), 2);
            Assert.Equal(Ids(messages.Take(2)), Ids(mine));

            var theirs = Get<IOutbox>(second).ClaimDueAsync(Clock.GetUtcNow(), 10);
            await Task.WhenAny(theirs, Task.Delay(TimeSpan.FromMilliseconds(200)));
            if (theirs.IsCompleted)
            {
                Assert.Empty(Ids(await theirs).Intersect(Ids(mine)));
            }

            foreach (var entry in mine)
            {
                Get<IOutbox>(first).MarkDelivered(entry.Message.MessageId);
            }

            await CommitAsync(first);
            var claimed = await theirs.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(Ids(messages.Skip(2)), Ids(claimed));
            foreach (var entry in claimed)
            {
                Get<IOutbox>(second).MarkDelivered(entry.Message.MessageId);
            }

            await CommitAsync(second);
        }

        Assert.Equal(0, await Store.CountPendingAsync());
        Assert.Empty(await Store.GetDueAsync(Clock.GetUtcNow(), 10));
    }

    /// <summary>
    /// A unit of work that claimed messages and marked them delivered, then ended without committing (a failed batch,
    /// a crash), releases them: the next claim gets them all, intact, and none left the outbox.
    /// </summary>
    [StorageFact]
    public async Task ClaimDue_FirstUnitOfWorkEndsWithoutCommit_TheNextClaimGetsItsMessagesAgain()
    {
        var messages = await EnqueueAsync(2);
        var first = NewScope();
        var second = NewScope();
        try
        {
            var mine = await Get<IOutbox>(first).ClaimDueAsync(Clock.GetUtcNow(), 10);
            Assert.Equal(Ids(messages), Ids(mine));
            foreach (var entry in mine)
            {
                Get<IOutbox>(first).MarkDelivered(entry.Message.MessageId);
            }

            var theirs = Get<IOutbox>(second).ClaimDueAsync(Clock.GetUtcNow(), 10);
            await Task.WhenAny(theirs, Task.Delay(TimeSpan.FromMilliseconds(200)));
            var answeredWhileHeld = theirs.IsCompleted;
            if (answeredWhileHeld)
            {
                Assert.Empty(await theirs);
            }

            await first.DisposeAsync();
            var claimed = await theirs.WaitAsync(TimeSpan.FromSeconds(30));
            if (answeredWhileHeld)
            {
                // Claims skip held messages instead of waiting: a claim made now finds them released.
                await using var third = NewScope();
                claimed = await Get<IOutbox>(third).ClaimDueAsync(Clock.GetUtcNow(), 10);
            }

            Assert.Equal(Ids(messages), Ids(claimed));
            Assert.All(claimed, e => Assert.Equal((0, null, null, null), (e.Attempts, e.NextAttemptAt, e.LastError, e.ParkedAt)));
        }
        finally
        {
            await second.DisposeAsync();
            await first.DisposeAsync();
        }

        Assert.Equal(2, await Store.CountPendingAsync());
        Assert.Equal(Ids(messages), Ids(await Store.GetDueAsync(Clock.GetUtcNow(), 10)));
    }

    /// <summary>
    /// A parked message is neither due nor pending, and no claim takes it; it is listed, oldest first, with its last
    /// error, its attempts (the parking one included) and when it was parked.
    /// </summary>
    [StorageFact]
    public async Task Park_Message_IsNotDueNorPendingButListedWithItsErrorAndAttempts()
    {
        var messages = await EnqueueAsync(3);
        var parkedAt = Clock.GetUtcNow().AddSeconds(5);
        await Store.MarkFailedAsync(messages[0].MessageId, "order.not-found: no such order", Clock.GetUtcNow().AddSeconds(1));

        await Store.ParkAsync(messages[0].MessageId, "order.not-found: still no such order", parkedAt);
        await Store.ParkAsync(messages[2].MessageId, "InvalidOperationException: broken", parkedAt.AddSeconds(1));

        Assert.Equal([messages[1].MessageId], Ids(await Store.GetDueAsync(Clock.GetUtcNow().AddDays(1), 10)));
        Assert.Equal(1, await Store.CountPendingAsync());
        Assert.Equal(2, await Store.CountParkedAsync());
        var parked = await Store.GetParkedAsync(10);
        Assert.Equal([messages[0].MessageId, messages[2].MessageId], Ids(parked));
        Assert.Equal((2, null, "order.not-found: still no such order", parkedAt), (parked[0].Attempts, parked[0].NextAttemptAt, parked[0].LastError, parked[0].ParkedAt));
        Assert.Equal((1, "InvalidOperationException: broken", parkedAt.AddSeconds(1)), (parked[1].Attempts, parked[1].LastError, parked[1].ParkedAt));
        Assert.Equal(Json(messages[0]), Json(Assert.IsType<OrderStatusChanged>(parked[0].Message)));
        Assert.Equal([messages[0].MessageId], Ids(await Store.GetParkedAsync(1)));
        await using var scope = NewScope();
        Assert.Equal([messages[1].MessageId], Ids(await Get<IOutbox>(scope).ClaimDueAsync(Clock.GetUtcNow().AddDays(1), 10)));
    }

    /// <summary>Asking for no parked message at all is a mistake.</summary>
    [StorageFact]
    public async Task GetParked_ZeroMaxCount_Throws() =>
        await Assert.ThrowsAsync<InvalidInputException>(() => Store.GetParkedAsync(0));

    /// <summary>A parked message retried is due again at once, its attempts counted from zero, and no longer parked.</summary>
    [StorageFact]
    public async Task RetryParked_ParkedMessage_IsDueNowWithAttemptsFromZero()
    {
        var message = (await EnqueueAsync(1))[0];
        await Store.MarkFailedAsync(message.MessageId, "order.not-found: no such order", Clock.GetUtcNow().AddMinutes(1));
        await Store.ParkAsync(message.MessageId, "order.not-found: no such order", Clock.GetUtcNow().AddMinutes(2));

        Assert.True(await Store.RetryParkedAsync(message.MessageId));

        var due = Assert.Single(await Store.GetDueAsync(Clock.GetUtcNow(), 10));
        Assert.Equal(message.MessageId, due.Message.MessageId);
        Assert.Equal((0, null, null), (due.Attempts, due.NextAttemptAt, due.ParkedAt));
        Assert.Equal(1, await Store.CountPendingAsync());
        Assert.Equal(0, await Store.CountParkedAsync());
        Assert.Empty(await Store.GetParkedAsync(10));
        Assert.False(await Store.RetryParkedAsync(message.MessageId));
    }

    /// <summary>A parked message discarded is gone for good: neither parked, nor due, nor pending.</summary>
    [StorageFact]
    public async Task DiscardParked_ParkedMessage_DeletesIt()
    {
        var messages = await EnqueueAsync(2);
        await Store.ParkAsync(messages[0].MessageId, "order.not-found: no such order", Clock.GetUtcNow());

        Assert.True(await Store.DiscardParkedAsync(messages[0].MessageId));

        Assert.Empty(await Store.GetParkedAsync(10));
        Assert.Equal(0, await Store.CountParkedAsync());
        Assert.Equal([messages[1].MessageId], Ids(await Store.GetDueAsync(Clock.GetUtcNow().AddDays(1), 10)));
        Assert.Equal(1, await Store.CountPendingAsync());
        Assert.False(await Store.DiscardParkedAsync(messages[0].MessageId));
        Assert.False(await Store.RetryParkedAsync(messages[0].MessageId));
    }

    /// <summary>Retrying or discarding an unknown message, or one that is not parked, finds nothing and changes nothing.</summary>
    [StorageFact]
    public async Task RetryAndDiscardParked_UnknownOrNotParkedMessage_ReturnFalseAndChangeNothing()
    {
        var message = (await EnqueueAsync(1))[0];
        var retryAt = Clock.GetUtcNow().AddSeconds(30);
        await Store.MarkFailedAsync(message.MessageId, "order.not-found: no such order", retryAt);

        Assert.False(await Store.RetryParkedAsync(Guid.CreateVersion7()));
        Assert.False(await Store.DiscardParkedAsync(Guid.CreateVersion7()));
        Assert.False(await Store.RetryParkedAsync(message.MessageId));
        Assert.False(await Store.DiscardParkedAsync(message.MessageId));

        Assert.Empty(await Store.GetDueAsync(Clock.GetUtcNow(), 10));
        var entry = Assert.Single(await Store.GetDueAsync(retryAt, 10));
        Assert.Equal((1, retryAt, "order.not-found: no such order", null), (entry.Attempts, entry.NextAttemptAt, entry.LastError, entry.ParkedAt));
        Assert.Equal(1, await Store.CountPendingAsync());
        Assert.Equal(0, await Store.CountParkedAsync());
    }

    /// <summary>The committed outbox.</summary>
    protected IOutboxStore Store => (IOutboxStore)Services.GetService(typeof(IOutboxStore))!;

    private async Task<OrderStatusChanged[]> EnqueueAsync(int count)
    {
        var messages = Enumerable.Range(0, count).Select(_ => StatusChanged()).ToArray();
        foreach (var message in messages)
        {
            await AddAsync(scope => Get<IOutbox>(scope).Enqueue(message));
        }

        return messages;
    }

    private static Guid[] Ids(IEnumerable<OutboxEntry> entries) => [.. entries.Select(e => e.Message.MessageId)];

    private static Guid[] Ids(IEnumerable<IntegrationMessage> messages) => [.. messages.Select(m => m.MessageId)];

    private static OrderStatusChanged StatusChanged() =>
        new(Guid.CreateVersion7(), TestData.Start, OrderId.New(), new OrderStatusEntry(OrderStatus.Backordered, TestData.Start, null, null, 2));
}
