namespace EcoDrive.Core;

/// <summary>
/// Every error code EcoDrive raises, one constant each, grouped by area: <c>ErrorCodes.Invoice.Overpayment</c> is
/// <c>invoice.overpayment</c>. A code is <c>area.kebab-case</c> and never changes once released, so hosts and callers
/// branch on it (<c>catch (DomainException e) when (e.Code == ErrorCodes.Invoice.Overpayment)</c>).
/// </summary>
/// <remarks>
/// Broken business rules carry their code on a <see cref="DomainException"/>; refused input values carry one of
/// <see cref="Input"/>'s codes on an <see cref="InvalidInputException"/>. Both implement <see cref="ICodedError"/>.
/// <c>docs/errors.md</c> lists every code with the exception that carries it.
/// </remarks>
public static class ErrorCodes
{
    /// <summary>Input values refused before any rule is checked, carried by <see cref="InvalidInputException"/>.</summary>
    public static class Input
    {
        /// <summary>A required value is missing: blank text (<see langword="null"/>, empty or white space), an empty list of lines, a party or segment left unnamed.</summary>
        public const string Required = "input.required";

        /// <summary>Text is longer than its maximum once trimmed (<see cref="Limits.MaxNameLength"/>, <see cref="Limits.MaxNoteLength"/>, <see cref="Limits.MaxTemplateLength"/>).</summary>
        public const string TooLong = "input.too-long";

        /// <summary>Text holds a character it may not: a control character (one-line text), or a lone UTF-16 surrogate.</summary>
        public const string InvalidCharacter = "input.invalid-character";

        /// <summary>Text does not have the form its kind needs: an e-mail address, a phone number, a SIREN, SIRET or VAT number (check digits included), a currency, country or product-segment code, a time-zone id, a schema name.</summary>
        public const string InvalidFormat = "input.invalid-format";

        /// <summary>A number, amount, date or enum value is outside what is allowed: a quantity that is negative, zero or above <see cref="Limits.MaxQuantity"/>, an amount above <see cref="Limits.MaxAmount"/>, a percentage above 100, a date before another it must follow, a value that is not one of its enum's.</summary>
        public const string OutOfRange = "input.out-of-range";

        /// <summary>Values that are each valid do not fit together: a SIRET or VAT number of another SIREN, the same item given twice, a line or recipient that does not belong where it is used.</summary>
        public const string Inconsistent = "input.inconsistent";
    }

    /// <summary>Codes about amounts of money.</summary>
    public static class Money
    {
        /// <summary>Amounts in two currencies are added, subtracted or compared (<see cref="CurrencyMismatchException"/>).</summary>
        public const string CurrencyMismatch = "money.currency-mismatch";
    }

    /// <summary>Codes about users and what they may do.</summary>
    public static class Access
    {
        /// <summary>The user holds the permission but the record is outside their data scope (<c>OutOfScopeException</c>).</summary>
        public const string OutOfScope = "access.out-of-scope";

        /// <summary>The acting user lacks the permission the operation needs (<c>PermissionDeniedException</c>).</summary>
        public const string PermissionDenied = "access.permission-denied";
    }

    /// <summary>Codes about the users work is handed to.</summary>
    public static class User
    {
        /// <summary>Work is handed to a user id the user directory does not know (<c>UnknownUserException</c>).</summary>
        public const string Unknown = "user.unknown";

        /// <summary>Work is handed to a user whose role lacks the permission it needs (<c>UserCannotHoldWorkException</c>).</summary>
        public const string CannotHoldWork = "user.cannot-hold-work";

        /// <summary>No user has the id given, when a host looks one up (<see cref="EntityNotFoundException"/>).</summary>
        public const string NotFound = "user.not-found";
    }

    /// <summary>Codes about customers.</summary>
    public static class Customer
    {
        /// <summary>No customer has the id given (<see cref="EntityNotFoundException"/>).</summary>
        public const string NotFound = "customer.not-found";

        /// <summary>A new customer has the e-mail or phone of an existing one (<c>DuplicateCustomerException</c>).</summary>
        public const string Duplicate = "customer.duplicate";

        /// <summary>A customer whose personal data was erased is changed.</summary>
        public const string Erased = "customer.erased";

        /// <summary>A company registration (SIREN, SIRET, VAT number) is given for a private person.</summary>
        public const string NotACompany = "customer.not-a-company";
    }

    /// <summary>Codes about leads.</summary>
    public static class Lead
    {
        /// <summary>No lead has the id given (<see cref="EntityNotFoundException"/>).</summary>
        public const string NotFound = "lead.not-found";

        /// <summary>The lead's stage does not allow the move (<see cref="InvalidTransitionException"/>).</summary>
        public const string InvalidTransition = "lead.invalid-transition";
    }

    /// <summary>Codes about follow-ups.</summary>
    public static class FollowUp
    {
        /// <summary>No follow-up has the id given (<see cref="EntityNotFoundException"/>).</summary>
        public const string NotFound = "follow-up.not-found";

        /// <summary>A follow-up that is done or cancelled is completed, cancelled or rescheduled (<see cref="InvalidTransitionException"/>).</summary>
        public const string InvalidTransition = "follow-up.invalid-transition";
    }

    /// <summary>Codes about offers.</summary>
    public static class Offer
    {
        /// <summary>No offer has the id given (<see cref="EntityNotFoundException"/>).</summary>
        public const string NotFound = "offer.not-found";

        /// <summary>The offer's status does not allow the operation, or it is expired before its validity ended (<see cref="InvalidTransitionException"/>).</summary>
        public const string InvalidTransition = "offer.invalid-transition";

        /// <summary>An offer is sent or accepted after its validity (<c>OfferExpiredException</c>).</summary>
        public const string Expired = "offer.expired";

        /// <summary>An accepted offer is turned into an order a second time.</summary>
        public const string AlreadyOrdered = "offer.already-ordered";

        /// <summary>An accepted offer to a lead is turned into an order before the lead is won.</summary>
        public const string LeadNotConverted = "offer.lead-not-converted";

        /// <summary>An offer asks for more than <see cref="Limits.MaxQuantity"/> units of one product, or its net total is above <see cref="Limits.MaxAmount"/> (<see cref="LimitExceededException"/>).</summary>
        public const string LimitExceeded = "offer.limit-exceeded";
    }

    /// <summary>Codes about campaigns.</summary>
    public static class Campaign
    {
        /// <summary>No campaign has the id given (<see cref="EntityNotFoundException"/>).</summary>
        public const string NotFound = "campaign.not-found";

        /// <summary>A campaign is launched twice, or a delivery is recorded on a draft (<see cref="InvalidTransitionException"/>).</summary>
        public const string InvalidTransition = "campaign.invalid-transition";

        /// <summary>A message template names a placeholder that does not exist (<c>UnknownPlaceholderException</c>).</summary>
        public const string UnknownPlaceholder = "campaign.unknown-placeholder";

        /// <summary>A message template has a brace that is never closed or closes nothing.</summary>
        public const string TemplateSyntax = "campaign.template-syntax";

        /// <summary>A message template uses a placeholder the campaign gives no value.</summary>
        public const string PlaceholderWithoutValue = "campaign.placeholder-without-value";
    }

    /// <summary>Codes about orders.</summary>
    public static class Order
    {
        /// <summary>No order has the id given (<see cref="EntityNotFoundException"/>).</summary>
        public const string NotFound = "order.not-found";

        /// <summary>The order's status does not allow the trigger, or a guard is not met (<see cref="InvalidTransitionException"/>).</summary>
        public const string InvalidTransition = "order.invalid-transition";

        /// <summary>An order asks for more than <see cref="Limits.MaxQuantity"/> units of one product, or its net total is above <see cref="Limits.MaxAmount"/> (<see cref="LimitExceededException"/>).</summary>
        public const string LimitExceeded = "order.limit-exceeded";

        /// <summary>
        /// A line is priced further below its list price than the seller's discount limit allows, and no approval is given
        /// (<see cref="EcoDrive.Core.Access.DiscountNotAllowedException"/>).
        /// </summary>
        public const string DiscountNeedsApproval = "order.discount-needs-approval";

        /// <summary>
        /// The user named to approve a discount may not approve it: unknown, without <c>prices.approve</c>, or with a limit
        /// below the discount (<see cref="EcoDrive.Core.Access.DiscountNotAllowedException"/>).
        /// </summary>
        public const string ApprovalNotAllowed = "order.approval-not-allowed";
    }

    /// <summary>Codes about products of the catalogue.</summary>
    public static class Product
    {
        /// <summary>No product has the id given (<see cref="EntityNotFoundException"/>).</summary>
        public const string NotFound = "product.not-found";
    }

    /// <summary>Codes about stock.</summary>
    public static class Stock
    {
        /// <summary>No stock is kept for the product given (<see cref="EntityNotFoundException"/>).</summary>
        public const string NotFound = "stock.not-found";

        /// <summary>Shipping takes stock that was never reserved for the order.</summary>
        public const string NotReserved = "stock.not-reserved";

        /// <summary>A stock adjustment would leave fewer units on hand than are reserved (<c>StockBelowReservedException</c>).</summary>
        public const string BelowReserved = "stock.below-reserved";

        /// <summary>Stock on hand, or the units backordered orders wait for, would pass <see cref="Limits.MaxStockQuantity"/> (<see cref="LimitExceededException"/>).</summary>
        public const string LimitExceeded = "stock.limit-exceeded";
    }

    /// <summary>Codes about purchase orders to suppliers.</summary>
    public static class PurchaseOrder
    {
        /// <summary>No purchase order has the id given (<see cref="EntityNotFoundException"/>).</summary>
        public const string NotFound = "purchase-order.not-found";

        /// <summary>The purchase order's status does not allow the operation (<see cref="InvalidTransitionException"/>).</summary>
        public const string InvalidTransition = "purchase-order.invalid-transition";

        /// <summary>A draft purchase order without lines is placed.</summary>
        public const string Empty = "purchase-order.empty";

        /// <summary>A delivery brings more units than the purchase order still expects, or a product that is not on it.</summary>
        public const string OverReceipt = "purchase-order.over-receipt";

        /// <summary>Units added to a line would take the product above <see cref="Limits.MaxQuantity"/> on the purchase order (<see cref="LimitExceededException"/>).</summary>
        public const string LimitExceeded = "purchase-order.limit-exceeded";
    }

    /// <summary>Codes about invoices.</summary>
    public static class Invoice
    {
        /// <summary>No invoice has the id given (<see cref="EntityNotFoundException"/>).</summary>
        public const string NotFound = "invoice.not-found";

        /// <summary>An invoice is issued for an order that has not shipped.</summary>
        public const string OrderNotShipped = "invoice.order-not-shipped";

        /// <summary>The customer lacks what an invoice needs (a billing address).</summary>
        public const string CustomerIncomplete = "invoice.customer-incomplete";

        /// <summary>A payment exceeds what is due (total − payments − credit notes).</summary>
        public const string Overpayment = "invoice.overpayment";

        /// <summary>An imported invoice is dated before the last invoice already numbered in its year.</summary>
        public const string NotChronological = "invoice.not-chronological";
    }

    /// <summary>Codes about credit notes.</summary>
    public static class CreditNote
    {
        /// <summary>A credit note would credit more of an invoice line than is left of it, or the invoice is already fully credited.</summary>
        public const string ExceedsInvoice = "credit-note.exceeds-invoice";
    }

    /// <summary>Codes about importing history.</summary>
    public static class Import
    {
        /// <summary>An imported order ends waiting for stock or in the warehouse, which would hold stock an import does not move.</summary>
        public const string OrderInProgress = "import.order-in-progress";

        /// <summary>An imported aggregate's id is already stored; nothing of the batch was written (<c>AlreadyStoredException</c>).</summary>
        public const string AlreadyStored = "import.already-stored";
    }

    /// <summary>Codes about messages between CRM and ERP that were parked after failing.</summary>
    public static class ParkedMessage
    {
        /// <summary>No parked message has the id given (<see cref="EntityNotFoundException"/>).</summary>
        public const string NotFound = "parked-message.not-found";
    }

    /// <summary>Codes about storage.</summary>
    public static class Storage
    {
        /// <summary>A unit of work writes an aggregate that another one changed since it was read (<see cref="ConcurrencyConflictException"/>).</summary>
        public const string ConcurrencyConflict = "storage.concurrency-conflict";
    }

    /// <summary>The area of a code, the part before its dot (<c>purchase-order</c> for <c>purchase-order.not-found</c>).</summary>
    internal static string AreaOf(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var dot = code.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? code[..dot] : throw new ArgumentException($"'{code}' is not an error code of the form area.name.", nameof(code));
    }
}
