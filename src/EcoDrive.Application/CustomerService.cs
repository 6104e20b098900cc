using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Application.Ports;

namespace EcoDrive.Application;

/// <summary>Use cases of the shared customer record. Every operation checks the caller's permission first.</summary>
public sealed class CustomerService
{
    private readonly UseCaseRunner<CustomerPorts> _runner;
    private readonly IAccessPolicy _access;
    private readonly TimeProvider _clock;

    /// <summary>Creates the service; resolve it from DI (<c>AddEcoDrive</c>) rather than by hand.</summary>
    /// <param name="runner">Runs each operation in its own unit of work, with a fresh <see cref="CustomerPorts"/> (the ports it uses).</param>
    /// <param name="access">Decides what the caller may do.</param>
    /// <param name="clock">The clock.</param>
    public CustomerService(UseCaseRunner<CustomerPorts> runner, IAccessPolicy access, TimeProvider clock)
    {
        _runner = runner;
        _access = access;
        _clock = clock;
    }

    /// <summary>Creates a private person as a customer, refusing a duplicate of an existing one.</summary>
    /// <param name="actor">Who; needs <c>customers.write</c>.</param>
    /// <param name="firstName">First name.</param>
    /// <param name="lastName">Last name.</param>
    /// <param name="contact">Contact details.</param>
    /// <param name="cancellationToken">Cancels the operation; nothing is written then.</param>
    /// <returns>The new customer's id.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>customers.write</c>.</exception>
    /// <exception cref="DuplicateCustomerException">A customer has the same e-mail or phone.</exception>
    public Task<CustomerId> CreateIndividualAsync(User actor, string firstName, string lastName, ContactDetails contact, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.CustomersWrite);
        var customer = Customer.CreateIndividual(CustomerId.New(), firstName, lastName, contact, _clock.GetUtcNow());
        customer.AssignOwner(actor.Id);
        return AddUnlessDuplicateAsync(customer, cancellationToken);
    }

    /// <summary>Creates a company as a customer, refusing a duplicate of an existing one.</summary>
    /// <param name="actor">Who; needs <c>customers.write</c>.</param>
    /// <param name="legalName">The company's legal name.</param>
    /// <param name="contact">Contact details.</param>
    /// <param name="registration">SIREN, SIRET and VAT number, when known.</param>
    /// <param name="cancellationToken">Cancels the operation; nothing is written then.</param>
    /// <returns>The new customer's id.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>customers.write</c>.</exception>
    /// <exception cref="DuplicateCustomerException">A customer has the same e-mail or phone.</exception>
    public Task<CustomerId> CreateCompanyAsync(
        User actor, string legalName, ContactDetails contact, CompanyRegistration? registration = null, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.CustomersWrite);
        var customer = Customer.CreateCompany(CustomerId.New(), legalName, contact, _clock.GetUtcNow(), registration);
        customer.AssignOwner(actor.Id);
        return AddUnlessDuplicateAsync(customer, cancellationToken);
    }

    /// <summary>Everything held on a customer, as indented JSON (the right of access).</summary>
    /// <param name="actor">Who; needs <c>customers.read-contact</c>.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>customers.read-contact</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such customer.</exception>
    public Task<string> ExportPersonalDataAsync(User actor, CustomerId customerId, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.CustomersReadContact);
        return _runner.RunAsync(
            async ports => (await ports.Customers.RequireAsync(customerId, cancellationToken).ConfigureAwait(false))
                .ExportPersonalData(_clock.GetUtcNow()),
            cancellationToken);
    }

    /// <summary>Erases a person's data (the right to erasure); issued invoices keep their own billing snapshot.</summary>
    /// <param name="actor">Who; needs <c>customers.write</c>.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>customers.write</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such customer.</exception>
    public Task EraseAsync(User actor, CustomerId customerId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, customerId, c => c.Erase(_clock.GetUtcNow()), cancellationToken);

    /// <summary>Records a customer's interest in a product segment.</summary>
    /// <param name="actor">Who; needs <c>customers.write</c>.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="segment">The segment.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>customers.write</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such customer.</exception>
    public Task AddInterestAsync(User actor, CustomerId customerId, ProductSegment segment, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, customerId, c => c.AddInterest(segment), cancellationToken);

    /// <summary>Records a customer's opt-in to marketing.</summary>
    /// <param name="actor">Who; needs <c>customers.write</c>.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="source">Where the consent was collected.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>customers.write</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such customer.</exception>
    public Task GrantMarketingConsentAsync(User actor, CustomerId customerId, string source, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, customerId, c => c.GrantMarketingConsent(_clock.GetUtcNow(), source), cancellationToken);

    /// <summary>Reads a customer; the contact details only for a reader who holds <c>customers.read-contact</c>.</summary>
    /// <param name="actor">Who; needs <c>customers.read</c>.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The customer's state; without <c>customers.read-contact</c> its e-mail, phone and billing address are
    /// <see langword="null"/> and <see cref="CustomerSnapshot.ContactRedacted"/> is set.
    /// </returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>customers.read</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such customer.</exception>
    public Task<CustomerSnapshot> GetAsync(User actor, CustomerId customerId, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.CustomersRead);
        var redaction = ContactRedaction.For(actor, _access);
        return _runner.RunAsync(
            async ports => redaction.Apply((await ports.Customers.RequireAsync(customerId, cancellationToken).ConfigureAwait(false)).ToSnapshot()),
            cancellationToken);
    }

    private Task<CustomerId> AddUnlessDuplicateAsync(Customer customer, CancellationToken cancellationToken) =>
        _runner.RunAsync(
            async ports =>
            {
                var customers = ports.Customers;
                var contact = new ContactDetails(customer.Email, customer.Phone);
                if (await customers.FindByContactAsync(contact, cancellationToken).ConfigureAwait(false) is { } existing)
                {
                    throw new DuplicateCustomerException(existing.Id);
                }

                customers.Add(customer);
                return customer.Id;
            },
            cancellationToken);

    private Task ChangeAsync(User actor, CustomerId customerId, Action<Customer> change, CancellationToken cancellationToken)
    {
        _access.Demand(actor, Permissions.CustomersWrite);
        return _runner.RunAsync(
            async ports =>
            {
                var customers = ports.Customers;
                var customer = await customers.RequireAsync(customerId, cancellationToken).ConfigureAwait(false);
                change(customer);
                customers.Update(customer);
            },
            cancellationToken);
    }
}
