using System.Text.Json.Serialization;
namespace EcoDrive.Crm.Campaigns;

/// <summary>
/// What a campaign says: a subject (e-mail only) and a body, both templates, and the campaign-wide values of
/// <c>{model}</c> and <c>{offer}</c>. Every placeholder the templates use has a value, checked at creation.
/// </summary>
public sealed record CampaignMessage
{
    [JsonConstructor]
    private CampaignMessage(MessageTemplate? subject, MessageTemplate body, string? model, string? offer)
    {
        Subject = subject;
        Body = body;
        Model = model;
        Offer = offer;
    }

    /// <summary>The subject template; <see langword="null"/> for an SMS.</summary>
    public MessageTemplate? Subject { get; }

    /// <summary>The body template.</summary>
    public MessageTemplate Body { get; }

    /// <summary>The value of <c>{model}</c>, if the campaign promotes a model.</summary>
    public string? Model { get; }

    /// <summary>The value of <c>{offer}</c>, if the campaign carries an offer.</summary>
    public string? Offer { get; }

    /// <summary>Parses and checks a campaign's message.</summary>
    /// <param name="subject">The subject template for an e-mail; <see langword="null"/> for an SMS.</param>
    /// <param name="body">The body template.</param>
    /// <param name="model">The value of <c>{model}</c>; required when a template uses it.</param>
    /// <param name="offer">The value of <c>{offer}</c>; required when a template uses it.</param>
    /// <exception cref="InvalidInputException"><paramref name="body"/> is blank, too long (see <see cref="Limits"/>) or holds a control character.</exception>
    /// <exception cref="UnknownPlaceholderException"><c>campaign.unknown-placeholder</c>: a template names a placeholder that does not exist.</exception>
    /// <exception cref="DomainException"><c>campaign.template-syntax</c> (a stray brace) or <c>campaign.placeholder-without-value</c> (a template uses <c>{model}</c> or <c>{offer}</c> and no value is given).</exception>
    public static CampaignMessage Create(string? subject, string body, string? model = null, string? offer = null)
    {
        var message = new CampaignMessage(
            subject is null ? null : MessageTemplate.Parse(FreeText.Require(subject)),
            MessageTemplate.Parse(body),
            FreeText.Optional(model),
            FreeText.Optional(offer));
        var templates = new[] { message.Subject, message.Body }.OfType<MessageTemplate>();
        foreach (var placeholder in templates.SelectMany(t => t.Placeholders).Distinct())
        {
            if ((placeholder == Placeholder.Model && message.Model is null) || (placeholder == Placeholder.Offer && message.Offer is null))
            {
                var name = MessageTemplate.NameOf(placeholder);
                throw new DomainException(
                    ErrorCodes.Campaign.PlaceholderWithoutValue,
                    $"The message uses {{{name}}} but the campaign gives it no value. Give the campaign a {name}, or remove the placeholder.");
            }
        }

        return message;
    }

    /// <summary>The subject and body for one recipient.</summary>
    /// <param name="firstName">The recipient's first name.</param>
    /// <exception cref="InvalidInputException"><paramref name="firstName"/> is blank, too long (see <see cref="Limits"/>) or holds a control character.</exception>
    public (string? Subject, string Body) RenderFor(string firstName)
    {
        InvalidInputException.ThrowIfNullOrWhiteSpace(firstName);
        var values = ValuesFor(firstName);
        return (Subject?.Render(values), Body.Render(values));
    }

    private Dictionary<Placeholder, string> ValuesFor(string firstName)
    {
        var values = new Dictionary<Placeholder, string> { [Placeholder.FirstName] = firstName };
        if (Model is not null)
        {
            values[Placeholder.Model] = Model;
        }

        if (Offer is not null)
        {
            values[Placeholder.Offer] = Offer;
        }

        return values;
    }
}
