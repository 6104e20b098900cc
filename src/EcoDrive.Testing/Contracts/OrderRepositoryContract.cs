using EcoDrive.Erp.Orders;

namespace EcoDrive.Testing;

/// <summary>The contract of <see cref="IOrderRepository"/>: derive it and implement <see cref="StorageContract.BuildServicesAsync"/>.</summary>
public abstract class OrderRepositoryContract : StorageContract
{
    /// <summary>A committed order reads back with its status and history.</summary>
    [StorageFact]
    public async Task Add_ThenFind_ReturnsTheSameState()
    {
        var order = TestData.Order(CustomerId.New(), [TestData.Line(TestData.Product(ProductSegment.Suv), 2)], OrderStatus.InPreparation, TestData.Start);
        await AddAsync(scope => Get<IOrderRepository>(scope).Add(order));

        var found = (await ReadAsync(scope => Get<IOrderRepository>(scope).FindAsync(order.Id)))!;

        Assert.Equal(Json(order.ToSnapshot()), Json(found.ToSnapshot()));
        Assert.Equal(OrderStatus.InPreparation, found.Status);
        Assert.Equal(3, found.Version);
        Assert.Null(await ReadAsync(scope => Get<IOrderRepository>(scope).FindAsync(OrderId.New())));
    }

    /// <summary>Transitions committed one unit of work at a time are all kept.</summary>
    [StorageFact]
    public async Task Update_ThroughTheStateMachine_KeepsStatusAndHistory()
    {
        var order = TestData.Order(CustomerId.New(), [TestData.Line(TestData.Product(ProductSegment.CityCar))], OrderStatus.Confirmed, TestData.Start);
        await AddAsync(scope => Get<IOrderRepository>(scope).Add(order));

        await ChangeAsync(order.Id, o => o.StartPreparation(TestData.Warehouse, TestData.Start.AddHours(1)));
        await ChangeAsync(order.Id, o => o.Ship(TestData.Warehouse, TestData.Start.AddHours(2)));

        var found = (await ReadAsync(scope => Get<IOrderRepository>(scope).FindAsync(order.Id)))!;
        Assert.Equal(OrderStatus.Shipped, found.Status);
        Assert.Equal([OrderStatus.Submitted, OrderStatus.Confirmed, OrderStatus.InPreparation, OrderStatus.Shipped], found.History.Select(h => h.Status));
    }

    /// <summary>A write based on a stale read is refused and the first writer's change stands.</summary>
    [StorageFact]
    public async Task Update_StaleWrite_IsRefused()
    {
        var order = TestData.Order(CustomerId.New(), [TestData.Line(TestData.Product(ProductSegment.Suv))], OrderStatus.Confirmed, TestData.Start);
        await AddAsync(scope => Get<IOrderRepository>(scope).Add(order));

        await AssertStaleWriteIsRefusedAsync<IOrderRepository, Order>(
            orders => orders.FindAsync(order.Id),
            (o, writer) =>
            {
                if (writer == 1)
                {
                    o.StartPreparation(TestData.Warehouse, TestData.Start.AddHours(1));
                }
                else
                {
                    o.Cancel("customer changed their mind", TestData.Warehouse, TestData.Start.AddHours(1));
                }
            },
            (orders, o) => orders.Update(o),
            o => Json(o.ToSnapshot()));
    }

    private Task ChangeAsync(OrderId id, Action<Order> change) =>
        InScopeAsync(async scope =>
        {
            var orders = Get<IOrderRepository>(scope);
            var order = (await orders.FindAsync(id))!;
            change(order);
            orders.Update(order);
        });
}
