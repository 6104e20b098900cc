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

    /// <summary>The longest note the domain accepts, with its line breaks and tabs, reads back unchanged.</summary>
    [StorageFact]
    public async Task Add_LongestAcceptedNote_ReadsBackUnchanged()
    {
        var note = string.Concat(Enumerable.Repeat("Essai\r\n\tà 🚗 ", Limits.MaxNoteLength / 13)).PadRight(Limits.MaxNoteLength, 'x');
        var interaction = Interaction.Log(InteractionId.New(), PartyRef.Lead(LeadId.New()), InteractionKind.TestDrive, TestData.Salesperson, TestData.Start, note);
        await AddAsync(scope => Get<IInteractionRepository>(scope).Add(interaction));

        var found = await ReadAsync(scope => Get<IInteractionRepository>(scope).FindAsync(interaction.Id));

        Assert.Equal(note, found!.Note);
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
