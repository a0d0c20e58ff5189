using System.Globalization;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.Programme.Planning;

/// <summary>An agreement as typed in the form (or sent to the API), before it is checked.</summary>
public sealed record PartnerAgreementInput(string? Partner, string? Subject, string? Contact, string? AgreedOn, string? ReviewDate, string? ActionNumbers)
{
    public static PartnerAgreementInput Empty { get; } = new(null, null, null, null, null, null);

    public static PartnerAgreementInput Of(PartnerAgreement a, MeasuresCatalogue catalogue) => new(
        catalogue.Partners.FirstOrDefault(p => p.Code == a.Partner)?.Name ?? a.Partner, a.Subject, a.Contact,
        a.AgreedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.ReviewDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string.Join(", ", a.ActionNumbers.Select(n => $"A-{n}")));
}

/// <summary>A checked agreement, ready to store.</summary>
public sealed record PartnerAgreementValues(string Partner, string Subject, string? Contact, DateOnly? AgreedOn, DateOnly ReviewDate, List<int> ActionNumbers);

/// <summary>Checks an agreement field by field, with a Dutch message for each problem. The field names are the form's input ids.</summary>
public static class PartnerAgreementRules
{
    public const string Partner = "partner";
    public const string Subject = "onderwerp";
    public const string Contact = "contactpersoon";
    public const string AgreedOn = "afgesproken-op";
    public const string ReviewDate = "herzien-op";
    public const string Actions = "acties";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d-M-yyyy", "d/M/yyyy"];

    /// <summary>A catalogue partner, by code or by name, is stored as its code; anything else as the own name typed.</summary>
    public static (PartnerAgreementValues? Values, List<FieldError> Errors) Check(PartnerAgreementInput input, MeasuresCatalogue catalogue, IReadOnlySet<int> actionNumbers)
    {
        var errors = new List<FieldError>();
        var partner = input.Partner?.Trim() ?? "";
        if (partner.Length == 0)
        {
            errors.Add(new(Partner, "Vul de partner in: een partner uit de lijst of een eigen naam."));
        }
        else if (partner.Length > PartnerAgreement.MaxName)
        {
            errors.Add(new(Partner, $"De naam van de partner is te lang (meer dan {PartnerAgreement.MaxName} tekens)."));
        }
        else if (catalogue.Partners.FirstOrDefault(p => string.Equals(p.Code, partner, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Name, partner, StringComparison.OrdinalIgnoreCase)) is { } known)
        {
            partner = known.Code;
        }
        var subject = input.Subject?.Trim() ?? "";
        if (subject.Length == 0)
        {
            errors.Add(new(Subject, "Vul in wat er is afgesproken."));
        }
        else if (subject.Length > PartnerAgreement.MaxText)
        {
            errors.Add(new(Subject, $"De afspraak is te lang (meer dan {PartnerAgreement.MaxText} tekens)."));
        }
        var contact = string.IsNullOrWhiteSpace(input.Contact) ? null : input.Contact.Trim();
        if (contact?.Length > PartnerAgreement.MaxName)
        {
            errors.Add(new(Contact, $"De contactpersoon is te lang (meer dan {PartnerAgreement.MaxName} tekens)."));
        }
        DateOnly? agreedOn = null;
        if (!string.IsNullOrWhiteSpace(input.AgreedOn))
        {
            if (ParseDate(input.AgreedOn) is { } d)
            {
                agreedOn = d;
            }
            else
            {
                errors.Add(new(AgreedOn, $"‘{input.AgreedOn.Trim()}’ is geen datum; schrijf bijvoorbeeld 15-3-2027."));
            }
        }
        DateOnly review = default;
        if (string.IsNullOrWhiteSpace(input.ReviewDate))
        {
            errors.Add(new(ReviewDate, "Vul de datum in waarop de afspraak opnieuw wordt bekeken."));
        }
        else if (ParseDate(input.ReviewDate) is { } r)
        {
            review = r;
            if (agreedOn is { } a && r < a)
            {
                errors.Add(new(ReviewDate, "De herzieningsdatum ligt vóór de datum waarop de afspraak is gemaakt."));
            }
        }
        else
        {
            errors.Add(new(ReviewDate, $"‘{input.ReviewDate.Trim()}’ is geen datum; schrijf bijvoorbeeld 15-3-2027."));
        }
        var numbers = new SortedSet<int>();
        foreach (var token in (input.ActionNumbers ?? "").Split([',', ';', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var text = token.StartsWith("A-", StringComparison.OrdinalIgnoreCase) ? token[2..] : token;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
            {
                errors.Add(new(Actions, $"‘{token}’ is geen actienummer; schrijf bijvoorbeeld A-3 of 3."));
            }
            else if (!actionNumbers.Contains(n))
            {
                errors.Add(new(Actions, $"Actie A-{n} bestaat niet in het programma."));
            }
            else
            {
                numbers.Add(n);
            }
        }
        return errors.Count > 0 ? (null, errors) : (new PartnerAgreementValues(partner, subject, contact, agreedOn, review, [.. numbers]), errors);
    }

    private static DateOnly? ParseDate(string text)
        => DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
