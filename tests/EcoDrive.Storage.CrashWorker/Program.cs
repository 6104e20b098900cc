// Runs the order flow CRM → ERP → CRM on a store until it is killed: it submits orders through the sales service and
// dispatches the outbox, over and over. It prints "ready" once connected to the store, then "submitted <order id>" each time an order
// is acknowledged to the salesperson (its unit of work committed). The storage tests kill it at random points, without
// letting it dispose anything, and check that a restarted application finds every acknowledged order and settles
// them all exactly once.
//
// Usage: EcoDrive.Storage.CrashWorker sqlite <database file> <product id> <customer id> <seed>
//        EcoDrive.Storage.CrashWorker postgres <connection string> <schema> <product id> <customer id> <seed>
using EcoDrive.Core;
using EcoDrive.Core.Access;
using EcoDrive.Application;
using EcoDrive.Application.Messaging;
using EcoDrive.Storage.PostgreSql;
using EcoDrive.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

var services = new ServiceCollection().AddEcoDrive();
string[] rest;
switch (args[0])
{
    case "sqlite":
        services.AddEcoDriveSqliteStorage(args[1]);
        rest = args[2..];
        break;
    case "postgres":
        services.AddEcoDrivePostgreSqlStorage(o => (o.ConnectionString, o.Schema) = (args[1], args[2]));
        rest = args[3..];
        break;
    default:
        throw new ArgumentException($"Unknown engine '{args[0]}'.");
}

var product = ProductId.Parse(rest[0]);
var customer = CustomerId.Parse(rest[1]);
var random = new Random(int.Parse(rest[2], System.Globalization.CultureInfo.InvariantCulture));

var provider = services.BuildServiceProvider();
var sales = provider.GetRequiredService<SalesOrderService>();
var dispatcher = provider.GetRequiredService<OutboxDispatcher>();
var salesperson = new User(UserId.New(), "Sophie", Role.Salesperson);
await provider.GetRequiredService<IOutboxStore>().CountPendingAsync(); // connected, schema checked
Console.WriteLine("ready");
while (true)
{
    for (var i = random.Next(1, 3); i > 0; i--)
    {
        var id = await sales.SubmitAsync(salesperson, customer, [new OrderLine(product, random.Next(1, 3), Money.Euros(42_000m), VatRate.FrenchStandard)]);
        Console.WriteLine($"submitted {id}");
    }

    await dispatcher.DispatchDueAsync(maxCount: random.Next(1, 4));
}
