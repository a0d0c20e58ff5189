using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.CrisisKit.Contacts;

/// <summary>A contact as typed in the form (or sent to the API), before it is checked.</summary>
public sealed record CrisisContactInput(
    string? Category, string? Organisation, string? Name, string? Phone, string? Email, string? Available,
    string? C2000, string? Satellite, string? Radio, string? OtherMeans, string? Notes, string? SortOrder)
{
    public static CrisisContactInput Empty { get; } = new(null, null, null, null, null, null, null, null, null, null, null, null);

    public static CrisisContactInput Of(CrisisContact c) => new(c.Category, c.Organisation, c.Name, c.Phone, c.Email, c.Available,
        c.C2000, c.Satellite, c.Radio, c.OtherMeans, c.Notes, c.SortOrder.ToString(CultureInfo.InvariantCulture));
}

/// <summary>A checked contact, ready to store.</summary>
public sealed record CrisisContactValues(
    string Category, string Organisation, string? Name, string? Phone, string? Email, string? Available,
    string? C2000, string? Satellite, string? Radio, string? OtherMeans, string? Notes, int SortOrder);

/// <summary>Checks a contact field by field and reports every problem at once, in Dutch. The field names are the form's input ids.</summary>
public static partial class CrisisContactRules
{
    public const string Category = "categorie";
    public const string Organisation = "organisatie";
    public const string Name = "naam";
    public const string Phone = "telefoon";
    public const string Email = "e-mail";
    public const string Available = "bereikbaar";
    public const string C2000 = "c2000";
    public const string Satellite = "satelliet";
    public const string Radio = "radio";
    public const string OtherMeans = "ander-middel";
    public const string Notes = "notities";
    public const string SortOrder = "volgorde";
    /// <summary>The group of means (phone to other): at least one is required.</summary>
    public const string Means = "middelen";

    public const string NoMeansMessage = "Vul minstens één manier in om hen te bereiken: telefoon, e-mail, C2000, satelliettelefoon, radio of een ander middel.";

    public static (CrisisContactValues? Values, List<FieldError> Errors) Check(CrisisContactInput input)
    {
        var errors = new List<FieldError>();
        var category = CrisisContactCategories.Find(input.Category)?.Code;
        if (string.IsNullOrWhiteSpace(input.Category))
        {
            errors.Add(new(Category, "Kies een categorie."));
        }
        else if (category is null)
        {
            errors.Add(new(Category, $"‘{input.Category.Trim()}’ is geen bekende categorie; kies er een uit de lijst."));
        }
        var organisation = Text(input.Organisation);
        if (organisation is null)
        {
            errors.Add(new(Organisation, "Vul de naam van de organisatie in."));
        }
        Length(errors, Organisation, organisation, CrisisContact.MaxName, "De naam van de organisatie");
        var name = Text(input.Name);
        Length(errors, Name, name, CrisisContact.MaxName, "De naam of rol");
        var phone = PhoneNumber(errors, Phone, input.Phone, "Het telefoonnummer");
        var email = Text(input.Email);
        if (email is not null && (email.Length > CrisisContact.MaxEmail || !MailAddress.TryCreate(email, out var mail) || mail.Address != email || !email.Contains('.', StringComparison.Ordinal)))
        {
            errors.Add(new(Email, $"‘{email}’ is geen geldig e-mailadres; schrijf bijvoorbeeld crisis@gemeente.nl."));
        }
        var available = Text(input.Available);
        Length(errors, Available, available, CrisisContact.MaxShort, "De bereikbaarheid");
        var c2000 = Text(input.C2000);
        Length(errors, C2000, c2000, CrisisContact.MaxShort, "De C2000-gespreksgroep");
        var satellite = PhoneNumber(errors, Satellite, input.Satellite, "Het satelliettelefoonnummer");
        var radio = Text(input.Radio);
        Length(errors, Radio, radio, CrisisContact.MaxShort, "Het radiokanaal");
        var other = Text(input.OtherMeans);
        Length(errors, OtherMeans, other, CrisisContact.MaxOther, "Het andere middel");
        var notes = Text(input.Notes);
        Length(errors, Notes, notes, CrisisContact.MaxNotes, "De notitie");
        if (new[] { input.Phone, input.Email, input.C2000, input.Satellite, input.Radio, input.OtherMeans }.All(string.IsNullOrWhiteSpace))
        {
            errors.Add(new(Means, NoMeansMessage));
        }
        var sortOrder = 0;
        var sortText = Text(input.SortOrder);
        if (sortText is not null)
        {
            if (!int.TryParse(sortText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out sortOrder))
            {
                errors.Add(new(SortOrder, $"‘{sortText}’ is geen geheel getal; schrijf bijvoorbeeld 1, 2 of 10."));
            }
            else if (sortOrder < 0)
            {
                errors.Add(new(SortOrder, "De volgorde kan niet negatief zijn; gebruik 0 of hoger."));
            }
        }
        return errors.Count > 0
            ? (null, errors)
            : (new CrisisContactValues(category!, organisation!, name, phone, email, available, c2000, satellite, radio, other, notes, sortOrder), errors);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Length(List<FieldError> errors, string field, string? value, int max, string what)
    {
        if (value?.Length > max)
        {
            errors.Add(new(field, $"{what} is te lang (meer dan {max} tekens)."));
        }
    }

    private static string? PhoneNumber(List<FieldError> errors, string field, string? value, string what)
    {
        var text = Text(value);
        if (text is null)
        {
            return null;
        }
        var digits = text.Count(char.IsAsciiDigit);
        if (text.Length > CrisisContact.MaxPhone || !PhoneRegex().IsMatch(text) || digits is < 3 or > 15)
        {
            errors.Add(new(field, $"{what} ‘{text}’ is geen telefoonnummer: gebruik alleen cijfers, spaties, +, - en haakjes, bijvoorbeeld 030 000 0001."));
            return null;
        }
        return text;
    }

    [GeneratedRegex(@"^\+?[0-9 ()\-]+$")]
    private static partial Regex PhoneRegex();
}
