namespace EcoDrive.Core.Customers;

/// <summary>Port: where customers are kept. Writes are staged and committed by the scope's <see cref="IUnitOfWork"/>.</summary>
public interface ICustomerRepository
{
    /// <summary>Finds a customer by id.</summary>
    /// <param name="id">The customer's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The customer, or <see langword="null"/> when there is none.</returns>
    Task<Customer?> FindAsync(CustomerId id, CancellationToken cancellationToken = default);

    /// <summary>Finds the customer with the same normalised e-mail or phone as <paramref name="contact"/>, to refuse or link duplicates.</summary>
    /// <param name="contact">Contact details to match.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The first matching customer, or <see langword="null"/>.</returns>
    Task<Customer?> FindByContactAsync(ContactDetails contact, CancellationToken cancellationToken = default);

    /// <summary>Stages a new customer.</summary>
    /// <param name="customer">The customer.</param>
    void Add(Customer customer);

    /// <summary>Stages the changes of a customer read from this repository.</summary>
    /// <param name="customer">The customer.</param>
    void Update(Customer customer);
}
