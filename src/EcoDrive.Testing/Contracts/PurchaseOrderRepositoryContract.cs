using EcoDrive.Erp.Purchasing;

namespace EcoDrive.Testing;

/// <summary>The contract of <see cref="IPurchaseOrderRepository"/>: derive it and implement <see cref="StorageContract.BuildServicesAsync"/>.</summary>
public abstract class PurchaseOrderRepositoryContract : StorageContract
{
    /// <summary>A purchase order reads back with its lines and receipts.</summary>
    [StorageFact]
    public async Task Add_ThenFind_ReturnsTheSameState()
    {
        var productId = ProductId.New();
        var order = TestData.PurchaseOrder(productId, 10, TestData.Start, placed: true);
        order.Receive(productId, 4, TestData.Start.AddDays(3));
        await AddAsync(scope => Get<IPurchaseOrderRepository>(scope).Add(order));

        var found = (await ReadAsync(scope => Get<IPurchaseOrderRepository>(scope).FindAsync(order.Id)))!;

        Assert.Equal(Json(order.ToSnapshot()), Json(found.ToSnapshot()));
        Assert.Equal(PurchaseOrderStatus.PartiallyReceived, found.Status);
        Assert.Null(await ReadAsync(scope => Get<IPurchaseOrderRepository>(scope).FindAsync(PurchaseOrderId.New())));
    }

    /// <summary>Purchase orders oldest first, all of them or those in one status.</summary>
    [StorageFact]
    public async Task List_ByStatus_ReturnsTheMatchingOnesOldestFirst()
    {
        var productId = ProductId.New();
        var placedLater = TestData.PurchaseOrder(productId, 2, TestData.Start.AddDays(1), placed: true);
        var draft = TestData.PurchaseOrder(productId, 3, TestData.Start.AddDays(2));
        var placedFirst = TestData.PurchaseOrder(productId, 4, TestData.Start, placed: true);
        await AddAsync(scope =>
        {
            foreach (var order in new[] { placedLater, draft, placedFirst })
            {
                Get<IPurchaseOrderRepository>(scope).Add(order);
            }
        });

        Assert.Equal([placedFirst.Id, placedLater.Id, draft.Id], (await ReadAsync(scope => Get<IPurchaseOrderRepository>(scope).ListAsync())).Select(o => o.Id));
        Assert.Equal([placedFirst.Id, placedLater.Id], (await ReadAsync(scope => Get<IPurchaseOrderRepository>(scope).ListAsync(PurchaseOrderStatus.Ordered))).Select(o => o.Id));
    }

    /// <summary>Two receipts from the same read: the second is refused, so stock is never received twice.</summary>
    [StorageFact]
    public async Task Update_StaleWrite_IsRefused()
    {
        var productId = ProductId.New();
        var order = TestData.PurchaseOrder(productId, 10, TestData.Start, placed: true);
        await AddAsync(scope => Get<IPurchaseOrderRepository>(scope).Add(order));

        await AssertStaleWriteIsRefusedAsync<IPurchaseOrderRepository, PurchaseOrder>(
            orders => orders.FindAsync(order.Id),
            (o, writer) => o.Receive(productId, writer == 1 ? 6 : 10, TestData.Start.AddDays(1)),
            (orders, o) => orders.Update(o),
            o => Json(o.ToSnapshot()));
    }
}
