using EcoDrive.Crm.Orders;

namespace EcoDrive.Testing;

/// <summary>The contract of <see cref="IOrderViewRepository"/>: derive it and implement <see cref="StorageContract.BuildServicesAsync"/>.</summary>
public abstract class OrderViewRepositoryContract : StorageContract
{
    /// <summary>A committed order view reads back with the same state.</summary>
    [StorageFact]
    public async Task Add_ThenFind_ReturnsTheSameState()
    {
        var view = TestData.OrderView(CustomerId.New(), [TestData.Line(TestData.Product(ProductSegment.Suv), 2)], TestData.Start);
        await AddAsync(scope => Get<IOrderViewRepository>(scope).Add(view));

        var found = await ReadAsync(scope => Get<IOrderViewRepository>(scope).FindAsync(view.Id));

        Assert.Equal(Json(view.ToSnapshot()), Json(found!.ToSnapshot()));
        Assert.Null(await ReadAsync(scope => Get<IOrderViewRepository>(scope).FindAsync(OrderId.New())));
    }

    /// <summary>The approval of a discount beyond the salesperson's limit is kept with the order.</summary>
    [StorageFact]
    public async Task Add_WithAPriceApproval_ReadsItBack()
    {
        var approval = new PriceApproval(UserId.New(), 12.5m, TestData.Start);
        var view = OrderView.Record(
            OrderId.New(), CustomerId.New(), UserId.New(), [TestData.Line(TestData.Product(ProductSegment.Suv), 1)], TestData.Start, approval);
        await AddAsync(scope => Get<IOrderViewRepository>(scope).Add(view));

        var found = await ReadAsync(scope => Get<IOrderViewRepository>(scope).FindAsync(view.Id));

        Assert.Equal(approval, found!.PriceApproval);
        Assert.Equal(approval, found.ToSnapshot().PriceApproval);
    }

    /// <summary>A status the ERP reported is kept.</summary>
    [StorageFact]
    public async Task Update_WithAReportedStatus_KeepsIt()
    {
        var view = TestData.OrderView(CustomerId.New(), [TestData.Line(TestData.Product(ProductSegment.CityCar))], TestData.Start);
        await AddAsync(scope => Get<IOrderViewRepository>(scope).Add(view));

        await InScopeAsync(async scope =>
        {
            var views = Get<IOrderViewRepository>(scope);
            var stored = (await views.FindAsync(view.Id))!;
            Assert.True(stored.Apply(new OrderStatusEntry(OrderStatus.Confirmed, TestData.Start.AddMinutes(1), null, null, 2)));
            views.Update(stored);
        });

        var found = (await ReadAsync(scope => Get<IOrderViewRepository>(scope).FindAsync(view.Id)))!;
        Assert.Equal(OrderStatus.Confirmed, found.Status);
        Assert.Equal(2, found.Version);
    }

    /// <summary>A write based on a stale read is refused and the first writer's change stands.</summary>
    [StorageFact]
    public async Task Update_StaleWrite_IsRefused()
    {
        var view = TestData.OrderView(CustomerId.New(), [TestData.Line(TestData.Product(ProductSegment.Suv))], TestData.Start);
        await AddAsync(scope => Get<IOrderViewRepository>(scope).Add(view));

        await AssertStaleWriteIsRefusedAsync<IOrderViewRepository, OrderView>(
            views => views.FindAsync(view.Id),
            (v, writer) => v.Apply(new OrderStatusEntry(writer == 1 ? OrderStatus.Confirmed : OrderStatus.Backordered, TestData.Start.AddMinutes(1), null, null, 2)),
            (views, v) => views.Update(v),
            v => Json(v.ToSnapshot()));
    }

    /// <summary>A customer's orders and a salesperson's orders, oldest first.</summary>
    [StorageFact]
    public async Task FindByCustomerAndSalesperson_ReturnTheirOrdersOldestFirst()
    {
        var line = TestData.Line(TestData.Product(ProductSegment.Suv));
        var customerId = CustomerId.New();
        var later = TestData.OrderView(customerId, [line], TestData.Start.AddDays(1));
        var earlier = TestData.OrderView(customerId, [line], TestData.Start);
        var someoneElses = OrderView.Record(OrderId.New(), CustomerId.New(), UserId.New(), [line], TestData.Start.AddHours(1));
        await AddAsync(scope =>
        {
            foreach (var view in new[] { later, earlier, someoneElses })
            {
                Get<IOrderViewRepository>(scope).Add(view);
            }
        });

        Assert.Equal([earlier.Id, later.Id], (await ReadAsync(scope => Get<IOrderViewRepository>(scope).FindByCustomerAsync(customerId))).Select(o => o.Id));
        Assert.Equal([earlier.Id, later.Id], (await ReadAsync(scope => Get<IOrderViewRepository>(scope).FindBySalespersonAsync(TestData.Salesperson))).Select(o => o.Id));
    }
}
