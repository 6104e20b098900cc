using EcoDrive.Core.Customers;
using EcoDrive.Application.Access;

namespace EcoDrive.Application.Ports;

/// <summary>
/// The ports that <see cref="AccessDiagnostics"/> reads: <c>AddEcoDrive</c> registers it scoped, and its
/// <see cref="UseCaseRunner{TPorts}"/> resolves a fresh one from the new scope of each check. DI builds it; you do not.
/// </summary>
/// <param name="customers">The customer record whose state is checked.</param>
public sealed class AccessDiagnosticsPorts(ICustomerRepository customers)
{
    internal ICustomerRepository Customers { get; } = customers;
}
