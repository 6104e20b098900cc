using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;

namespace EcoDrive.Application.Ports;

/// <summary>
/// The ports that the use cases of <see cref="CustomerService"/> use, one set per unit of work: <c>AddEcoDrive</c> registers
/// it scoped, and the service's <see cref="UseCaseRunner{TPorts}"/> resolves a fresh one from the new scope of each
/// run (and of each retry). DI builds it; you do not.
/// </summary>
/// <param name="customers">The shared customer record.</param>
/// <param name="users">The users a customer's relationship may be handed to.</param>
public sealed class CustomerPorts(ICustomerRepository customers, IUserDirectory users)
{
    internal ICustomerRepository Customers { get; } = customers;

    internal IUserDirectory Users { get; } = users;
}
