using EcoDrive.Core.Access;
using EcoDrive.Application.Access;
using EcoDrive.Application;
using EcoDrive.Application.Messaging;
using EcoDrive.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcoDrive.Application.Tests.Messaging;

/// <summary>
/// A message whose handler keeps failing: retried with back-off, parked with its error after the last allowed attempt
/// without holding up the others, visible to the administrator and in the system check, then retried or discarded.
/// </summary>
public sealed class ParkedMessageTests
{
    private static readonly TimeSpan s_backOff = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Dispatch_HandlerAlwaysFails_ParksTheMessageAfterMaxAttemptsAndDeliversTheOthers()
    {
        var breakdown = new Breakdown();
        await using var host = NewHost(breakdown, maxAttempts: 3);
        var suv = await host.AddSuvAsync(inStock: 10);
        var camille = await host.AddCamilleAsync();
        var before = await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(suv, 1)]);
        var broken = await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(suv, 2)]);
        var after = await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(suv, 1)]);
        breakdown.Break(broken);
        var store = host.Get<IOutboxStore>();
        var parked = host.Get<ParkedMessageService>();

        await host.Dispatcher.DispatchDueAsync();

        Assert.Equal(OrderStatus.Confirmed, await host.CrmStatusAsync(before));
        Assert.Equal(OrderStatus.Confirmed, await host.CrmStatusAsync(after));
        for (var attempt = 1; attempt < 3; attempt++)
        {
            Assert.Empty(await parked.ListAsync(TestHost.Admin));
            var waiting = Assert.Single(await store.GetDueAsync(DateTimeOffset.MaxValue, 10));
            Assert.Equal(attempt, waiting.Attempts);
            Assert.Equal<DateTimeOffset?>(host.Clock.GetUtcNow() + (s_backOff * Math.Pow(2, attempt - 1)), waiting.NextAttemptAt);
            Assert.Equal(0, await host.Dispatcher.DrainAsync());
            host.Clock.Advance(s_backOff * Math.Pow(2, attempt - 1));
            Assert.Equal(0, await host.Dispatcher.DispatchDueAsync());
        }

        var entry = Assert.Single(await parked.ListAsync(TestHost.Admin));
        Assert.Equal(broken, Assert.IsType<OrderSubmitted>(entry.Message).OrderId);
        Assert.Equal(3, entry.Attempts);
        Assert.Equal("InvalidOperationException: the ERP refused the connection", entry.LastError);
        Assert.Equal<DateTimeOffset?>(host.Clock.GetUtcNow(), entry.ParkedAt);
        Assert.Equal(0, await store.CountPendingAsync());
        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await host.Dispatcher.DrainAsync());
        Assert.Equal(OrderStatus.Submitted, await host.CrmStatusAsync(broken));
        Assert.Single(await parked.ListAsync(TestHost.Admin));
    }

    [Fact]
    public async Task Diagnostics_WithAParkedMessage_WarnsWithItsError()
    {
        var breakdown = new Breakdown();
        await using var host = NewHost(breakdown, maxAttempts: 1);
        var suv = await host.AddSuvAsync(inStock: 10);
        var camille = await host.AddCamilleAsync();
        var diagnostics = host.Get<AccessDiagnostics>();
        Assert.Equal(CheckVerdict.Pass, (await diagnostics.ExplainContactAccessAsync(TestHost.Sophie, camille)).System.Verdict);

        await ParkAsync(host, breakdown, camille, suv);

        var system = (await diagnostics.ExplainContactAccessAsync(TestHost.Sophie, camille)).System;
        Assert.Equal(CheckVerdict.Warning, system.Verdict);
        Assert.Contains("1 message(s)", system.Finding, StringComparison.Ordinal);
        Assert.Contains("parked", system.Finding, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: the ERP refused the connection", system.Finding, StringComparison.Ordinal);
        Assert.Contains(nameof(ParkedMessageService), system.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_AfterTheCauseIsFixed_DeliversTheParkedMessage()
    {
        var breakdown = new Breakdown();
        await using var host = NewHost(breakdown, maxAttempts: 2);
        var suv = await host.AddSuvAsync(inStock: 10);
        var camille = await host.AddCamilleAsync();
        var parked = host.Get<ParkedMessageService>();
        var (order, messageId) = await ParkAsync(host, breakdown, camille, suv);

        breakdown.Repair();
        await parked.RetryAsync(TestHost.Admin, messageId);
        await host.Dispatcher.DrainAsync();

        Assert.Equal(OrderStatus.Confirmed, await host.CrmStatusAsync(order));
        Assert.Equal(2, Assert.Single((await host.Fulfilment.GetStockAsync(TestHost.Admin, suv)).Reservations).Quantity);
        Assert.Empty(await parked.ListAsync(TestHost.Admin));
        Assert.Equal(0, await host.Get<IOutboxStore>().CountPendingAsync());
        Assert.Equal(CheckVerdict.Pass, (await host.Get<AccessDiagnostics>().ExplainContactAccessAsync(TestHost.Sophie, camille)).System.Verdict);
        await Assert.ThrowsAsync<EntityNotFoundException>(() => parked.RetryAsync(TestHost.Admin, messageId));
    }

    [Fact]
    public async Task Retry_CauseNotFixed_GivesTheMessageItsAttemptsAgainThenParksItAgain()
    {
        var breakdown = new Breakdown();
        await using var host = NewHost(breakdown, maxAttempts: 2);
        var suv = await host.AddSuvAsync(inStock: 10);
        var camille = await host.AddCamilleAsync();
        var parked = host.Get<ParkedMessageService>();
        var (_, messageId) = await ParkAsync(host, breakdown, camille, suv);

        await parked.RetryAsync(TestHost.Admin, messageId);
        await host.Dispatcher.DrainAsync();

        Assert.Empty(await parked.ListAsync(TestHost.Admin));
        Assert.Equal(1, Assert.Single(await host.Get<IOutboxStore>().GetDueAsync(DateTimeOffset.MaxValue, 10)).Attempts);
        host.Clock.Advance(s_backOff);
        await host.Dispatcher.DrainAsync();
        Assert.Equal(2, Assert.Single(await parked.ListAsync(TestHost.Admin)).Attempts);
    }

    [Fact]
    public async Task Discard_ParkedMessage_IsNeverDelivered()
    {
        var breakdown = new Breakdown();
        await using var host = NewHost(breakdown, maxAttempts: 1);
        var suv = await host.AddSuvAsync(inStock: 10);
        var camille = await host.AddCamilleAsync();
        var parked = host.Get<ParkedMessageService>();
        var (order, messageId) = await ParkAsync(host, breakdown, camille, suv);

        await parked.DiscardAsync(TestHost.Admin, messageId);
        breakdown.Repair();
        host.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, await host.Dispatcher.DrainAsync());
        Assert.Empty(await parked.ListAsync(TestHost.Admin));
        Assert.Equal(0, await host.Get<IOutboxStore>().CountPendingAsync());
        Assert.Equal(0, await host.Get<IOutboxStore>().CountParkedAsync());
        Assert.Equal(OrderStatus.Submitted, await host.CrmStatusAsync(order));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => host.Fulfilment.GetOrderAsync(TestHost.Admin, order));
        Assert.Empty((await host.Fulfilment.GetStockAsync(TestHost.Admin, suv)).Reservations);
        await Assert.ThrowsAsync<EntityNotFoundException>(() => parked.DiscardAsync(TestHost.Admin, messageId));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => parked.RetryAsync(TestHost.Admin, messageId));
    }

    [Fact]
    public async Task ListRetryDiscard_NonAdministrator_IsDeniedAndChangesNothing()
    {
        var breakdown = new Breakdown();
        await using var host = NewHost(breakdown, maxAttempts: 1);
        var suv = await host.AddSuvAsync(inStock: 10);
        var camille = await host.AddCamilleAsync();
        var parked = host.Get<ParkedMessageService>();
        var (_, messageId) = await ParkAsync(host, breakdown, camille, suv);

        foreach (var user in new[] { TestHost.Sophie, TestHost.Marc, TestHost.Claire, TestHost.Helene, TestHost.Mathis, TestHost.Manon })
        {
            await Assert.ThrowsAsync<PermissionDeniedException>(() => parked.ListAsync(user));
            await Assert.ThrowsAsync<PermissionDeniedException>(() => parked.RetryAsync(user, messageId));
            await Assert.ThrowsAsync<PermissionDeniedException>(() => parked.DiscardAsync(user, messageId));
        }

        Assert.Equal(messageId, Assert.Single(await parked.ListAsync(TestHost.Admin)).Message.MessageId);
        Assert.Equal(0, await host.Get<IOutboxStore>().CountPendingAsync());
    }

    [Fact]
    public async Task RetryDiscard_UnknownOrNotParkedMessage_ThrowsEntityNotFound()
    {
        await using var host = NewHost(new Breakdown(), maxAttempts: 1);
        var suv = await host.AddSuvAsync(inStock: 10);
        var camille = await host.AddCamilleAsync();
        await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(suv, 1)]);
        var pending = Assert.Single(await host.Get<IOutboxStore>().GetDueAsync(host.Clock.GetUtcNow(), 10)).Message.MessageId;
        var parked = host.Get<ParkedMessageService>();

        foreach (var id in new[] { Guid.CreateVersion7(), pending })
        {
            await Assert.ThrowsAsync<EntityNotFoundException>(() => parked.RetryAsync(TestHost.Admin, id));
            await Assert.ThrowsAsync<EntityNotFoundException>(() => parked.DiscardAsync(TestHost.Admin, id));
        }

        Assert.Equal(pending, Assert.Single(await host.Get<IOutboxStore>().GetDueAsync(host.Clock.GetUtcNow(), 10)).Message.MessageId);
    }

    private static TestHost NewHost(Breakdown breakdown, int maxAttempts) => new(services =>
    {
        services.AddEcoDriveInMemoryStorage();
        services.Configure<OutboxDispatcherOptions>(o => (o.MaxAttempts, o.BackOff, o.MaxBackOff) = (maxAttempts, s_backOff, TimeSpan.FromMinutes(1)));
        breakdown.Install(services);
    });

    /// <summary>Submits an order whose delivery to the ERP fails until parked; returns the order and its message.</summary>
    private static async Task<(OrderId Order, Guid MessageId)> ParkAsync(TestHost host, Breakdown breakdown, CustomerId customer, ProductId product)
    {
        var order = await host.Sales.SubmitAsync(TestHost.Sophie, customer, [TestHost.Suvs(product, 2)]);
        breakdown.Break(order);
        var parked = host.Get<ParkedMessageService>();
        for (var round = 0; (await parked.ListAsync(TestHost.Admin)).Count == 0; round++)
        {
            Assert.True(round < 100, "the message was never parked");
            await host.Dispatcher.DrainAsync();
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var entry = Assert.Single(await parked.ListAsync(TestHost.Admin));
        Assert.Equal(order, Assert.IsType<OrderSubmitted>(entry.Message).OrderId);
        return (order, entry.Message.MessageId);
    }
}

/// <summary>Makes the ERP side fail for chosen orders, as an outage or a bug would, until repaired.</summary>
internal sealed class Breakdown
{
    private readonly HashSet<OrderId> _broken = [];

    public void Break(OrderId order)
    {
        lock (_broken)
        {
            _broken.Add(order);
        }
    }

    public void Repair()
    {
        lock (_broken)
        {
            _broken.Clear();
        }
    }

    /// <summary>Wraps the registered handler of <see cref="OrderSubmitted"/>; call after <c>AddEcoDrive</c>.</summary>
    public void Install(IServiceCollection services)
    {
        var handler = services.Single(d => d.ServiceType == typeof(IIntegrationMessageHandler<OrderSubmitted>));
        services.Replace(ServiceDescriptor.Scoped<IIntegrationMessageHandler<OrderSubmitted>>(
            sp => new Handler((IIntegrationMessageHandler<OrderSubmitted>)handler.ImplementationFactory!(sp), this)));
    }

    private bool IsBroken(OrderId order)
    {
        lock (_broken)
        {
            return _broken.Contains(order);
        }
    }

    private sealed class Handler(IIntegrationMessageHandler<OrderSubmitted> inner, Breakdown breakdown) : IIntegrationMessageHandler<OrderSubmitted>
    {
        public Task HandleAsync(OrderSubmitted message, CancellationToken cancellationToken) =>
            breakdown.IsBroken(message.OrderId)
                ? throw new InvalidOperationException("the ERP refused the connection")
                : inner.HandleAsync(message, cancellationToken);
    }
}
