using EcoDrive.Core.Customers;
using EcoDrive.Application.Import;
using EcoDrive.Erp.Catalogue;

namespace EcoDrive.Application.Ports;

/// <summary>
/// The ports that the use cases of <see cref="HistoryImportService"/> use, one set per unit of work: <c>AddEcoDrive</c> registers
/// it scoped, and the service's <see cref="UseCaseRunner{TPorts}"/> resolves a fresh one from the new scope of each
/// run (and of each retry). DI builds it; you do not.
/// </summary>
/// <param name="store">Writes a batch in one transaction, with its invoice numbers.</param>
/// <param name="customers">The stored customers that a batch's orders and leads name.</param>
/// <param name="catalogue">The products that a batch's orders name.</param>
public sealed class HistoryImportPorts(IHistoryImportStore store, ICustomerRepository customers, IProductCatalogue catalogue)
{
    internal IHistoryImportStore Store { get; } = store;

    internal ICustomerRepository Customers { get; } = customers;

    internal IProductCatalogue Catalogue { get; } = catalogue;
}
