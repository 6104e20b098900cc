using EcoDrive.Core.Customers;

namespace EcoDrive.Testing;

/// <summary>The contract of <see cref="ICustomerRepository"/>: derive it and implement <see cref="StorageContract.BuildServicesAsync"/>.</summary>
public abstract class CustomerRepositoryContract : StorageContract
{
    /// <summary>A committed customer reads back with the same state.</summary>
    [StorageFact]
    public async Task Add_ThenFind_ReturnsTheSameState()
    {
        var customer = TestData.Customer(phone: "06 12 34 56 78");
        customer.AddInterest(ProductSegment.Suv);
        customer.GrantMarketingConsent(TestData.Start, "showroom");
        await AddAsync(scope => Get<ICustomerRepository>(scope).Add(customer));

        var found = await ReadAsync(scope => Get<ICustomerRepository>(scope).FindAsync(customer.Id));

        Assert.NotNull(found);
        Assert.Equal(Json(customer.ToSnapshot()), Json(found.ToSnapshot()));
    }

    /// <summary>A company reads back with its registration numbers.</summary>
    [StorageFact]
    public async Task Add_Company_ReadsBackItsRegistration()
    {
        var company = Customer.CreateCompany(
            CustomerId.New(), "Transports Rhône SARL", ContactDetails.Parse("flotte@transports-rhone.fr", "04 72 00 00 00", TestData.Address),
            TestData.Start, CompanyRegistration.Parse("732829320", null, "FR44732829320"));
        await AddAsync(scope => Get<ICustomerRepository>(scope).Add(company));

        var found = await ReadAsync(scope => Get<ICustomerRepository>(scope).FindAsync(company.Id));

        Assert.Equal(Json(company.ToSnapshot()), Json(found!.ToSnapshot()));
        Assert.Equal(company.Registration, found.Registration);
    }

    /// <summary>
    /// The longest names the domain accepts (<see cref="Limits.MaxNameLength"/> characters, accents and characters
    /// outside the Basic Multilingual Plane included) read back unchanged: the store holds every text the domain lets through.
    /// </summary>
    [StorageFact]
    public async Task Add_LongestAcceptedNames_ReadBackUnchanged()
    {
        var name = string.Concat(Enumerable.Repeat("Éè🚗", Limits.MaxNameLength / 4));
        var address = new PostalAddress(name, "69003", name, line2: name);
        var company = Customer.CreateCompany(CustomerId.New(), name, ContactDetails.Parse(null, null, address), TestData.Start);
        await AddAsync(scope => Get<ICustomerRepository>(scope).Add(company));

        var found = await ReadAsync(scope => Get<ICustomerRepository>(scope).FindAsync(company.Id));

        Assert.Equal(Limits.MaxNameLength, found!.CompanyName!.Length);
        Assert.Equal(Json(company.ToSnapshot()), Json(found.ToSnapshot()));
    }

    /// <summary>An id nobody stored finds nothing.</summary>
    [StorageFact]
    public async Task Find_Unknown_ReturnsNull() =>
        Assert.Null(await ReadAsync(scope => Get<ICustomerRepository>(scope).FindAsync(CustomerId.New())));

    /// <summary>Committed changes are what a later scope reads.</summary>
    [StorageFact]
    public async Task Update_ThenFind_ReturnsTheChanges()
    {
        var customer = TestData.Customer();
        await AddAsync(scope => Get<ICustomerRepository>(scope).Add(customer));

        await InScopeAsync(async scope =>
        {
            var customers = Get<ICustomerRepository>(scope);
            var stored = (await customers.FindAsync(customer.Id))!;
            stored.AddInterest(ProductSegment.Utility);
            customers.Update(stored);
        });

        var found = await ReadAsync(scope => Get<ICustomerRepository>(scope).FindAsync(customer.Id));
        Assert.Contains(ProductSegment.Utility, found!.Interests);
    }

    /// <summary>Duplicate detection finds a customer by its normalised e-mail address.</summary>
    [StorageFact]
    public async Task FindByContact_SameEmail_ReturnsTheCustomer()
    {
        var customer = TestData.Customer();
        await AddAsync(scope => Get<ICustomerRepository>(scope).Add(customer));

        var found = await ReadAsync(scope => Get<ICustomerRepository>(scope).FindByContactAsync(
            ContactDetails.Parse(customer.Email!.Value.Value.ToUpperInvariant(), null)));

        Assert.Equal(customer.Id, found?.Id);
    }

    /// <summary>Duplicate detection finds a customer by its phone number, however it was typed.</summary>
    [StorageFact]
    public async Task FindByContact_SamePhone_ReturnsTheCustomer()
    {
        var customer = TestData.Customer(phone: "06 98 76 54 32");
        await AddAsync(scope => Get<ICustomerRepository>(scope).Add(customer));

        var found = await ReadAsync(scope => Get<ICustomerRepository>(scope).FindByContactAsync(ContactDetails.Parse(null, "+33698765432")));

        Assert.Equal(customer.Id, found?.Id);
    }

    /// <summary>No customer shares the contact details: nothing is found.</summary>
    [StorageFact]
    public async Task FindByContact_NoMatch_ReturnsNull()
    {
        await AddAsync(scope => Get<ICustomerRepository>(scope).Add(TestData.Customer(phone: "06 11 22 33 44")));

        Assert.Null(await ReadAsync(scope => Get<ICustomerRepository>(scope).FindByContactAsync(ContactDetails.Parse("nobody@example.fr", "06 55 66 77 88"))));
        Assert.Null(await ReadAsync(scope => Get<ICustomerRepository>(scope).FindByContactAsync(ContactDetails.None)));
    }

    /// <summary>An erased person's former contact details match nobody.</summary>
    [StorageFact]
    public async Task FindByContact_ErasedCustomer_IsNotMatched()
    {
        var customer = TestData.Customer(phone: "06 10 20 30 40");
        var (email, phone) = (customer.Email, customer.Phone);
        customer.Erase(TestData.Start);
        await AddAsync(scope => Get<ICustomerRepository>(scope).Add(customer));

        Assert.Null(await ReadAsync(scope => Get<ICustomerRepository>(scope).FindByContactAsync(new ContactDetails(email, phone))));
    }

    /// <summary>A write based on a stale read is refused and the first writer's change stands.</summary>
    [StorageFact]
    public async Task Update_StaleWrite_IsRefused()
    {
        var customer = TestData.Customer();
        await AddAsync(scope => Get<ICustomerRepository>(scope).Add(customer));

        await AssertStaleWriteIsRefusedAsync<ICustomerRepository, Customer>(
            customers => customers.FindAsync(customer.Id),
            (c, writer) => c.AddInterest(writer == 1 ? ProductSegment.Suv : ProductSegment.CityCar),
            (customers, c) => customers.Update(c),
            c => Json(c.ToSnapshot()));
    }

    /// <summary>Two units of work adding the same id: the second commit is refused.</summary>
    [StorageFact]
    public async Task Add_SameIdTwice_SecondCommitIsRefused()
    {
        var customer = TestData.Customer();
        await AddAsync(scope => Get<ICustomerRepository>(scope).Add(customer));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AddAsync(scope => Get<ICustomerRepository>(scope).Add(Customer.FromSnapshot(customer.ToSnapshot()))));
    }

    /// <summary>The customer directory (campaign audiences) lists every customer.</summary>
    [StorageFact]
    public async Task FindAll_ListsEveryCustomer()
    {
        var customers = new[] { TestData.Customer(), TestData.Customer(), TestData.Customer() };
        await AddAsync(scope =>
        {
            foreach (var customer in customers)
            {
                Get<ICustomerRepository>(scope).Add(customer);
            }
        });

        var all = await ReadAsync(scope => Get<EcoDrive.Crm.Campaigns.ICustomerDirectory>(scope).FindAllAsync());

        Assert.Equal(customers.Select(c => c.Id.Value).Order(), all.Select(c => c.Id.Value).Order());
    }
}
