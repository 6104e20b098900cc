using EcoDrive.Crm;
using EcoDrive.Crm.Activities;

namespace EcoDrive.Testing;

/// <summary>The contract of <see cref="IInteractionRepository"/>: derive it and implement <see cref="StorageContract.BuildServicesAsync"/>.</summary>
public abstract class InteractionRepositoryContract : StorageContract
{
    /// <summary>A logged interaction reads back as it was.</summary>
    [StorageFact]
    public async Task Add_ThenFind_ReturnsTheSameState()
    {
        var interaction = TestData.Interaction(PartyRef.Lead(LeadId.New()), TestData.Start);
        await AddAsync(scope => Get<IInteractionRepository>(scope).Add(interaction));

        var found = await ReadAsync(scope => Get<IInteractionRepository>(scope).FindAsync(interaction.Id));

        Assert.Equal(interaction, found);
        Assert.Null(await ReadAsync(scope => Get<IInteractionRepository>(scope).FindAsync(InteractionId.New())));
    }

    /// <summary>A party's interactions, oldest first, and no one else's (a customer and a lead never share an id).</summary>
    [StorageFact]
    public async Task FindByParty_ReturnsThePartysInteractionsOldestFirst()
    {
        var customer = PartyRef.Customer(CustomerId.New());
        var later = TestData.Interaction(customer, TestData.Start.AddHours(2));
        var earlier = TestData.Interaction(customer, TestData.Start);
        var other = TestData.Interaction(PartyRef.Lead(LeadId.New()), TestData.Start.AddHours(1));
        await AddAsync(scope =>
        {
            foreach (var interaction in new[] { later, earlier, other })
            {
                Get<IInteractionRepository>(scope).Add(interaction);
            }
        });

        var found = await ReadAsync(scope => Get<IInteractionRepository>(scope).FindByPartyAsync(customer));

        Assert.Equal([earlier.Id, later.Id], found.Select(i => i.Id));
    }
}
