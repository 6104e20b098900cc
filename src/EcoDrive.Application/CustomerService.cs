using System.Runtime.CompilerServices;
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

    /// <summary>
    /// Replaces a customer's contact details (e-mail, phone, billing address), refusing details that another customer
    /// already has: the shared record stays one customer per person.
    /// </summary>
    /// <param name="actor">Who; needs <c>customers.write</c>.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="contact">The new details.</param>
    /// <param name="cancellationToken">Cancels the operation; nothing is written then.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>customers.write</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such customer.</exception>
    /// <exception cref="DuplicateCustomerException">Another customer has the same e-mail or phone (<see cref="DuplicateCustomerException.ExistingId"/> names it).</exception>
    /// <exception cref="DomainException"><c>customer.erased</c>: the customer's data was erased.</exception>
    public Task UpdateContactAsync(User actor, CustomerId customerId, ContactDetails contact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return ChangeAsync(
            actor,
            customerId,
            async (customer, ports) =>
            {
                if (await ports.Customers.FindByContactAsync(contact, cancellationToken).ConfigureAwait(false) is { } other && other.Id != customerId)
                {
                    throw new DuplicateCustomerException(other.Id);
                }

                customer.UpdateContact(contact);
            },
            cancellationToken);
    }

    /// <summary>Records or replaces a company's registration (SIREN, SIRET, VAT number).</summary>
    /// <param name="actor">Who; needs <c>customers.write</c>.</param>
    /// <param name="customerId">The company.</param>
    /// <param name="registration">The registration, checked when it was parsed.</param>
    /// <param name="cancellationToken">Cancels the operation; nothing is written then.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>customers.write</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such customer.</exception>
    /// <exception cref="DomainException"><c>customer.not-a-company</c>: the customer is a person; <c>customer.erased</c>: its data was erased.</exception>
    public Task RegisterCompanyAsync(User actor, CustomerId customerId, CompanyRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return ChangeAsync(actor, customerId, c => c.Register(registration), cancellationToken);
    }

    /// <summary>Hands the customer relationship to a salesperson.</summary>
    /// <param name="actor">Who; needs <c>customers.write</c>.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="ownerId">The new owner: the actor, or a known user whose role holds <c>customers.write</c>.</param>
    /// <param name="cancellationToken">Cancels the operation; nothing is written then.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>customers.write</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such customer.</exception>
    /// <exception cref="UnknownUserException">The user directory does not know the new owner.</exception>
    /// <exception cref="UserCannotHoldWorkException">The new owner's role lacks <c>customers.write</c>.</exception>
    public Task AssignOwnerAsync(User actor, CustomerId customerId, UserId ownerId, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            actor,
            customerId,
            async (customer, ports) =>
            {
                await ports.Users.RequireWorkHolderAsync(
                    _access, actor, ownerId, Permissions.CustomersWrite, $"owner of customer {customerId}", cancellationToken).ConfigureAwait(false);
                customer.AssignOwner(ownerId);
            },
            cancellationToken);

    /// <summary>Removes a customer's interest in a product segment; removing one it does not have changes nothing.</summary>
    /// <param name="actor">Who; needs <c>customers.write</c>.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="segment">The segment.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>customers.write</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such customer.</exception>
    public Task RemoveInterestAsync(User actor, CustomerId customerId, ProductSegment segment, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, customerId, c => c.RemoveInterest(segment), cancellationToken);

    /// <summary>Records a customer's opt-out of marketing; the consent history keeps both.</summary>
    /// <param name="actor">Who; needs <c>customers.write</c>.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="source">Where the opt-out was received.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>customers.write</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such customer.</exception>
    public Task WithdrawMarketingConsentAsync(User actor, CustomerId customerId, string source, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, customerId, c => c.WithdrawMarketingConsent(_clock.GetUtcNow(), source), cancellationToken);

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

    private Task<CustomerId> AddUnlessDuplicateAsync(Customer customer, CancellationToken cancellationToken, [CallerMemberName] string useCase = "") =>
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
            cancellationToken,
            useCase);

    private Task ChangeAsync(
        User actor, CustomerId customerId, Action<Customer> change, CancellationToken cancellationToken, [CallerMemberName] string useCase = "") =>
        ChangeAsync(
            actor,
            customerId,
            (customer, _) =>
            {
                change(customer);
                return Task.CompletedTask;
            },
            cancellationToken,
            useCase);

    private Task ChangeAsync(
        User actor, CustomerId customerId, Func<Customer, CustomerPorts, Task> change, CancellationToken cancellationToken, [CallerMemberName] string useCase = "")
    {
        _access.Demand(actor, Permissions.CustomersWrite);
        return _runner.RunAsync(
            async ports =>
            {
                var customers = ports.Customers;
                var customer = await customers.RequireAsync(customerId, cancellationToken).ConfigureAwait(false);
                await change(customer, ports).ConfigureAwait(false);
                customers.Update(customer);
            },
            cancellationToken,
            useCase);
    }
}
