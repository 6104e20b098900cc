using CsCheck;
using EcoDrive.Core.Customers;
using EcoDrive.Crm.Leads;

namespace EcoDrive.Crm.Tests.Leads;

/// <summary>
/// Model-based test of the pipeline: random sequences of operations run against a <see cref="Lead"/> and against
/// the pipeline as the design states it (<see cref="Model"/>); they must agree after every operation, and an
/// operation the lead refuses must leave it exactly as it was.
/// </summary>
public sealed class LeadPipelineModelTests
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId[] s_users = [UserId.New(), UserId.New(), UserId.New()];
    private static readonly Guid s_customer = Guid.CreateVersion7();

    // The design's pipeline (DESIGN.md §4): New → Contacted → Qualified → OfferSent → Won | Lost, won from
    // Qualified or OfferSent, lost from any open stage, reopened explicitly to the stage it was lost from.
    private static readonly Dictionary<(LeadStage, string), LeadStage> s_spec = new()
    {
        [(LeadStage.New, "Contact")] = LeadStage.Contacted,
        [(LeadStage.Contacted, "Qualify")] = LeadStage.Qualified,
        [(LeadStage.Qualified, "SendOffer")] = LeadStage.OfferSent,
        [(LeadStage.Qualified, "Win")] = LeadStage.Won,
        [(LeadStage.OfferSent, "Win")] = LeadStage.Won,
        [(LeadStage.New, "Lose")] = LeadStage.Lost,
        [(LeadStage.Contacted, "Lose")] = LeadStage.Lost,
        [(LeadStage.Qualified, "Lose")] = LeadStage.Lost,
        [(LeadStage.OfferSent, "Lose")] = LeadStage.Lost,
    };

    [Fact]
    public void Pipeline_RandomOperationSequences_FollowTheDesignAndRefusalsChangeNothing()
    {
        var initial = Gen.Guid.Select(id => (
            Lead.Capture(LeadId.From(id), "Camille", "Martin", ContactDetails.Parse("camille@example.fr", null),
                LeadSource.From(LeadChannel.Showroom), [ProductSegment.Suv], s_users[0], s_start),
            new Model()));
        var step = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 10_000], (user, minutes) => (Actor: s_users[user], At: s_start.AddMinutes(minutes)));

        initial.SampleModelBased(
            [
                Move(step, "Contact", (lead, s) => lead.Contact(s.Actor, s.At)),
                Move(step, "Qualify", (lead, s) => lead.Qualify(s.Actor, s.At)),
                Move(step, "SendOffer", (lead, s) => lead.SendOffer(s.Actor, s.At)),
                Move(step, "Win", (lead, s) => lead.Win(CustomerId.From(s_customer), s.Actor, s.At)),
                Move(step, "Lose", (lead, s) => lead.Lose("price", s.Actor, s.At)),
                Move(step, "Reopen", (lead, s) => lead.Reopen(s.Actor, s.At)),
                step.Operation<Lead, Model>(
                    s => $"AssignOwner({s.Actor})",
                    (lead, s) => lead.AssignOwner(s.Actor, s.Actor, s.At),
                    (model, s) => model.Owner = s.Actor),
            ],
            equal: (lead, model) =>
                lead.Stage == model.Stage
                && lead.History.Count == model.Moves
                && lead.CustomerId == model.CustomerId
                && lead.LostReason == model.LostReason
                && lead.OwnerId == model.Owner
                && lead.History.All(h => IsLegal(h.From, h.To))
                && lead.DomainEvents.Count == model.Moves,
            iter: 1000,
            printActual: lead => $"{lead.Stage} after {lead.History.Count} moves, owner {lead.OwnerId}",
            printModel: model => $"{model.Stage} after {model.Moves} moves, owner {model.Owner}");
    }

    private static bool IsLegal(LeadStage from, LeadStage to) =>
        s_spec.Any(m => m.Key.Item1 == from && m.Value == to)
        || (from == LeadStage.Lost && to is LeadStage.New or LeadStage.Contacted or LeadStage.Qualified or LeadStage.OfferSent);

    /// <summary>
    /// An operation that the spec either allows (both sides move) or refuses: then the lead must throw
    /// <see cref="InvalidTransitionException"/> with the lead's code and its snapshot must not change.
    /// </summary>
    private static GenOperation<Lead, Model> Move(Gen<(UserId Actor, DateTimeOffset At)> step, string name, Action<Lead, (UserId Actor, DateTimeOffset At)> act) =>
        step.Operation<Lead, Model>(
            s => name,
            (lead, s) =>
            {
                var before = lead.ToSnapshot();
                var eventsBefore = lead.DomainEvents.Count;
                try
                {
                    act(lead, s);
                }
                catch (InvalidTransitionException refused)
                {
                    Assert.Equal("lead.invalid-transition", refused.Code);
                    Assert.Equal(before.Stage.ToString(), refused.State);
                    Assert.True(LeadSnapshots.AreEqual(before, lead.ToSnapshot()), $"{name} was refused but changed the lead");
                    Assert.Equal(eventsBefore, lead.DomainEvents.Count);
                }
            },
            (model, s) => model.Apply(name));

    /// <summary>The lead as the design describes it.</summary>
    private sealed class Model
    {
        private LeadStage _lostFrom;

        public LeadStage Stage { get; private set; } = LeadStage.New;

        public int Moves { get; private set; }

        public CustomerId? CustomerId { get; private set; }

        public string? LostReason { get; private set; }

        public UserId? Owner { get; set; } = s_users[0];

        public void Apply(string operation)
        {
            if (operation == "Reopen")
            {
                if (Stage == LeadStage.Lost)
                {
                    Stage = _lostFrom;
                    LostReason = null;
                    Moves++;
                }

                return;
            }

            if (!s_spec.TryGetValue((Stage, operation), out var to))
            {
                return;
            }

            if (to == LeadStage.Lost)
            {
                _lostFrom = Stage;
                LostReason = "price";
            }

            if (to == LeadStage.Won)
            {
                CustomerId = Core.CustomerId.From(s_customer);
            }

            Stage = to;
            Moves++;
        }
    }
}
