using System.Diagnostics;
using System.Text.Json;
using EcoDrive.Application.Gateways;
using EcoDrive.Application.Messaging;
using EcoDrive.Application.Telemetry;
using EcoDrive.Application.Tests.Gateways;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace EcoDrive.Application.Tests.Telemetry;

public sealed class TelemetryTests
{
    // Camille's personal data, as TestHost.AddCamilleAsync records it: none of it may leave through telemetry.
    private static readonly string[] s_personalData = ["Camille", "Martin", "camille.martin@example.fr", "06 12 34 56 78", "+33612345678", "rue des Lilas"];

    [Fact]
    public async Task AnOrderFromSubmissionToInvoice_IsCountedTracedAndLogged_WithoutPersonalData()
    {
        using var telemetry = new TelemetryCapture();
        await using var host = LoggedHost(out var logs);

        var (orderId, invoice) = await host.InvoicedOrderAsync();

        Assert.Equal([1.0], telemetry.Of(EcoDriveTelemetry.OrdersSubmitted).Select(m => m.Value));
        Assert.Equal([1.0], telemetry.Of(EcoDriveTelemetry.InvoicesIssued).Select(m => m.Value));
        Assert.Equal(
            ["Confirmed", "InPreparation", "Shipped", "Invoiced"],
            telemetry.Of(EcoDriveTelemetry.OrderStatusChanges).Select(m => m.Tag(EcoDriveTelemetry.StatusTag)));
        var lags = telemetry.Of(EcoDriveTelemetry.DispatcherLag);
        Assert.Equal(5, lags.Count); // the order handed over, then its four statuses reported back
        Assert.All(lags, lag => Assert.True(lag.Value >= 0));
        Assert.Contains(telemetry.Of(EcoDriveTelemetry.MessagesDelivered), m => (string?)m.Tag(EcoDriveTelemetry.MessageTypeTag) == nameof(OrderSubmitted));

        var submit = telemetry.Span("SalesOrderService.Submit");
        Assert.Equal("SalesOrderService.Submit", submit.GetTagItem(EcoDriveTelemetry.UseCaseTag));
        Assert.Equal(ActivityStatusCode.Unset, submit.Status);
        Assert.Single(telemetry.Spans, s => s.DisplayName == "BillingService.IssueInvoice");
        Assert.Single(telemetry.Spans, s => s.DisplayName == "FulfilmentService.StartPreparation"); // named for the operation, not its helper
        Assert.Single(telemetry.Spans, s => s.DisplayName == "FulfilmentService.Ship");
        Assert.Single(telemetry.Spans, s => s.DisplayName == "CustomerService.CreateIndividual");
        var handover = telemetry.Span("process OrderSubmitted");
        Assert.Equal(ActivityKind.Consumer, handover.Kind);
        Assert.Equal(nameof(OrderSubmitted), handover.GetTagItem(EcoDriveTelemetry.MessageTypeTag));
        Assert.True(Guid.TryParse(handover.GetTagItem(EcoDriveTelemetry.MessageIdTag) as string, out _));
        Assert.Equal("OutboxDispatcher.DispatchBatch", handover.Parent?.DisplayName);
        var link = Assert.Single(handover.Links);
        Assert.Equal(submit.SpanId, link.Context.SpanId); // the message remembers the submission that sent it
        var batches = telemetry.Spans.Where(s => s.DisplayName == "OutboxDispatcher.DispatchBatch").ToList();
        Assert.NotEmpty(batches);
        Assert.All(batches, batch => Assert.Contains(telemetry.Spans, s => s.ParentSpanId == batch.SpanId)); // empty polls are not exported

        var issued = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == EcoDriveLogEvents.InvoiceIssued);
        Assert.Equal(LogLevel.Information, issued.Level);
        Assert.Equal(invoice.Number.ToString(), issued.GetStructuredStateValue("InvoiceNumber"));
        Assert.Equal(orderId.Value.ToString(), issued.GetStructuredStateValue("OrderId"));
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Id == EcoDriveLogEvents.BatchDelivered && r.Level == LogLevel.Debug);
        AssertNoPersonalData(telemetry, logs);
    }

    [Fact]
    public async Task AFailingForeignErp_IsLoggedWithTheMessageId_CountedAndTraced_ThenParked()
    {
        using var telemetry = new TelemetryCapture();
        var erp = new FailingErp();
        await using var host = LoggedHost(
            out var logs,
            services => services.AddSingleton<IErpGateway>(erp).Configure<OutboxDispatcherOptions>(o => o.MaxAttempts = 2));
        var camille = await host.AddCamilleAsync();
        await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(ProductId.New(), 1)]);

        Assert.Equal(0, await host.Dispatcher.DrainAsync());

        var messageId = Assert.Single(erp.Received.Distinct());
        var warning = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == EcoDriveLogEvents.MessageDeliveryFailed);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(messageId.ToString(), warning.GetStructuredStateValue("MessageId"));
        Assert.Equal(nameof(OrderSubmitted), warning.GetStructuredStateValue("MessageType"));
        Assert.Equal("1", warning.GetStructuredStateValue("Attempt"));
        Assert.Equal(typeof(TimeoutException).FullName, warning.GetStructuredStateValue("ErrorType"));
        var failure = Assert.Single(telemetry.Of(EcoDriveTelemetry.DeliveryFailures));
        Assert.Equal(nameof(OrderSubmitted), failure.Tag(EcoDriveTelemetry.MessageTypeTag));
        Assert.Equal(typeof(TimeoutException).FullName, failure.Tag(EcoDriveTelemetry.ErrorTypeTag));
        var delivery = Assert.Single(telemetry.Spans, s => s.DisplayName == "process OrderSubmitted");
        Assert.Equal(ActivityStatusCode.Error, delivery.Status);
        Assert.Equal(messageId.ToString(), delivery.GetTagItem(EcoDriveTelemetry.MessageIdTag));

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await host.Dispatcher.DrainAsync();

        var parked = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == EcoDriveLogEvents.MessageParked);
        Assert.Equal(LogLevel.Error, parked.Level);
        Assert.Equal(messageId.ToString(), parked.GetStructuredStateValue("MessageId"));
        Assert.Equal(nameof(OrderSubmitted), Assert.Single(telemetry.Of(EcoDriveTelemetry.MessagesParked)).Tag(EcoDriveTelemetry.MessageTypeTag));
        Assert.Equal(2, telemetry.Of(EcoDriveTelemetry.DeliveryFailures).Count);
        AssertNoPersonalData(telemetry, logs);
    }

    [Fact]
    public async Task AUseCaseRefusedByARule_EndsItsSpanInErrorWithTheCode_AndLogsTheCode()
    {
        using var telemetry = new TelemetryCapture();
        await using var host = LoggedHost(out var logs);
        var suv = await host.AddSuvAsync(inStock: 1);
        var orderId = await host.SubmitAndDispatchAsync(await host.AddCamilleAsync(), TestHost.Suvs(suv, 1));

        var refusal = await Assert.ThrowsAsync<DomainException>(() => host.Billing.IssueInvoiceAsync(TestHost.Claire, orderId));

        var span = telemetry.Span("BillingService.IssueInvoice");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(refusal.Code, span.GetTagItem(EcoDriveTelemetry.ErrorTypeTag));
        var logged = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == EcoDriveLogEvents.UseCaseRefused);
        Assert.Equal(LogLevel.Debug, logged.Level);
        Assert.Equal(("BillingService.IssueInvoice", refusal.Code), (logged.GetStructuredStateValue("UseCase"), logged.GetStructuredStateValue("ErrorCode")));
        Assert.Empty(telemetry.Of(EcoDriveTelemetry.InvoicesIssued));
        AssertNoPersonalData(telemetry, logs);
    }

    [Fact]
    public async Task AUseCaseThatLosesARace_CountsTheConflictAndTheRetry_AndNamesItselfAfterItsCaller()
    {
        using var telemetry = new TelemetryCapture();
        await using var host = LoggedHost(out var logs);
        var runner = new UseCaseRunner(host.Get<IServiceScopeFactory>());
        var attempts = 0;

        var result = await runner.RunAsync(
            _ => ++attempts == 1 ? throw new ConcurrencyConflictException("Stock", "volt-x5") : Task.FromResult(attempts),
            CancellationToken.None);

        Assert.Equal(2, result);
        const string useCase = "TelemetryTests.AUseCaseThatLosesARace_CountsTheConflictAndTheRetry_AndNamesItselfAfterItsCaller";
        Assert.Equal(useCase, Assert.Single(telemetry.Of(EcoDriveTelemetry.UnitOfWorkConflicts)).Tag(EcoDriveTelemetry.UseCaseTag));
        Assert.Equal(useCase, Assert.Single(telemetry.Of(EcoDriveTelemetry.UseCaseRetries)).Tag(EcoDriveTelemetry.UseCaseTag));
        var span = telemetry.Span(useCase);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal(["retry"], span.Events.Select(e => e.Name));
        var retried = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == EcoDriveLogEvents.UseCaseRetried);
        Assert.Equal((LogLevel.Debug, "1"), (retried.Level, retried.GetStructuredStateValue("Attempt")));
    }

    [Fact]
    public void TraceParent_SurvivesTheStoredJson_AndTakesNoPartInEquality()
    {
        using var telemetry = new TelemetryCapture();
        var sent = new OrderSubmitted(Guid.CreateVersion7(), DateTimeOffset.UnixEpoch, OrderId.New(), CustomerId.New(), UserId.New(), []);

        var read = JsonSerializer.Deserialize<OrderSubmitted>(JsonSerializer.Serialize(sent, EcoDriveJson.Options), EcoDriveJson.Options)!;

        Assert.Equal(Activity.Current!.Id, sent.TraceParent);
        Assert.Equal(sent.TraceParent, read.TraceParent);
        Assert.Equal(sent, sent with { TraceParent = null });
        Assert.Equal(sent.GetHashCode(), (sent with { TraceParent = null }).GetHashCode());
    }

    private static TestHost LoggedHost(out FakeLogCollector logs, Action<IServiceCollection>? configure = null)
    {
        var collector = new FakeLogCollector();
        logs = collector;
        return new TestHost(services =>
        {
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(collector)));
            configure?.Invoke(services);
            services.AddEcoDriveInMemoryStorageAfter();
        });
    }

    private static void AssertNoPersonalData(TelemetryCapture telemetry, FakeLogCollector logs)
    {
        var texts = telemetry.Texts()
            .Concat(logs.GetSnapshot().SelectMany(r => new[] { r.Message, r.Exception?.Message ?? string.Empty }
                .Concat((r.StructuredState ?? []).Select(s => $"{s.Key}={s.Value}"))))
            .ToList();
        Assert.NotEmpty(texts);
        foreach (var personal in s_personalData)
        {
            Assert.DoesNotContain(texts, text => text.Contains(personal, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>A foreign ERP that cannot be reached: every hand-over times out.</summary>
    private sealed class FailingErp : IErpGateway
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<Guid> _received = new();

        public IReadOnlyCollection<Guid> Received => [.. _received];

        public Task SubmitOrderAsync(OrderSubmitted order, CancellationToken cancellationToken)
        {
            _received.Enqueue(order.MessageId);
            throw new TimeoutException($"The ERP did not answer in time for message {order.MessageId}.");
        }
    }
}
