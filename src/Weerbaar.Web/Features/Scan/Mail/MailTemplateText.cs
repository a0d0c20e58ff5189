using System.Text;
using System.Text.RegularExpressions;

namespace Weerbaar.Web.Features.Scan.Mail;

public sealed record MailText(string Subject, string Body);

public sealed record Placeholder(string Name, string Description);

/// <summary>
/// Default wording of the scan e-mails and the placeholder language of editable templates:
/// <c>{naam}</c> is replaced by its value; an unknown or misspelt placeholder is refused when the template is saved,
/// so a respondent never receives a literal "{lnk}".
/// </summary>
public static partial class MailTemplateText
{
    public static readonly IReadOnlyList<Placeholder> Placeholders =
    [
        new("naam", "naam van de contactpersoon"),
        new("gemeente", "naam van de gemeente"),
        new("ronde", "naam van de ronde"),
        new("opendatum", "openingsdatum, bijvoorbeeld 1 maart 2026"),
        new("sluitdatum", "sluitingsdatum"),
        new("link", "persoonlijke link naar de vragenlijst"),
        new("afmeldlink", "link om geen herinneringen meer te ontvangen"),
        new("antwoorden", "kopie van de gegeven antwoorden (alleen in de bevestiging)"),
    ];

    public static IReadOnlyList<string> Required(ScanMailKind kind) => kind switch
    {
        ScanMailKind.Bevestiging => ["antwoorden"],
        _ => ["link", "afmeldlink"],
    };

    public static MailText Default(ScanMailKind kind) => kind switch
    {
        ScanMailKind.Uitnodiging => new("Uitnodiging: {ronde}", """
            Beste {naam},

            Namens het landelijk onderzoeksteam nodigen wij gemeente {gemeente} uit voor de {ronde}.
            De vragenlijst gaat over bewustzijn, inzicht en de zes pijlers uit de VNG-handreiking en kost ongeveer
            twintig minuten. U kunt tussendoor stoppen: uw antwoorden worden per pagina bewaard en u gaat later
            verder met dezelfde link, ook op een ander apparaat.

            Uw persoonlijke link (deel deze alleen met wie namens de burgemeester invult):
            {link}

            De vragenlijst is open van {opendatum} tot en met {sluitdatum}.

            Met vriendelijke groet,
            Het onderzoeksteam Weerbaarheidsscan

            Wilt u geen herinneringen ontvangen? Meld u af via {afmeldlink}
            """),
        ScanMailKind.Herinnering => new("Herinnering: {ronde}", """
            Beste {naam},

            Wij hebben de antwoorden van gemeente {gemeente} voor de {ronde} nog niet ontvangen.
            De vragenlijst sluit op {sluitdatum}. Heeft u al een deel ingevuld, dan gaat u verder waar u was.

            Uw persoonlijke link:
            {link}

            Met vriendelijke groet,
            Het onderzoeksteam Weerbaarheidsscan

            Wilt u geen herinneringen meer ontvangen? Meld u af via {afmeldlink}
            """),
        ScanMailKind.Bevestiging => new("Ontvangstbevestiging: {ronde}", """
            Beste {naam},

            Hartelijk dank: de antwoorden van gemeente {gemeente} voor de {ronde} zijn ontvangen.

            Een kopie van uw antwoorden:
            {antwoorden}

            Met vriendelijke groet,
            Het onderzoeksteam Weerbaarheidsscan
            """),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Every problem with a template, in Dutch, keyed by field (subject/body); empty when it can be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> Validate(ScanMailKind kind, string? subject, string? body)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > ScanMailTemplate.MaxSubject || subject.Any(char.IsControl))
        {
            errors.Add(("subject", $"Geef een onderwerp van één regel en hoogstens {ScanMailTemplate.MaxSubject} tekens."));
        }
        if (string.IsNullOrWhiteSpace(body) || body.Length > ScanMailTemplate.MaxBody)
        {
            errors.Add(("body", $"Geef een tekst van hoogstens {ScanMailTemplate.MaxBody:N0} tekens.".Replace(',', '.')));
        }
        var known = Placeholders.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (field, text) in new[] { ("subject", subject ?? ""), ("body", body ?? "") })
        {
            foreach (var name in PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct())
            {
                if (!known.Contains(name) || (name == "antwoorden" && kind != ScanMailKind.Bevestiging))
                {
                    errors.Add((field, $"Onbekende plaatshouder {{{name}}}; gebruik {string.Join(", ", Allowed(kind).Select(p => "{" + p + "}"))}."));
                }
            }
            if (text.Contains('{', StringComparison.Ordinal) && PlaceholderPattern().Replace(text, "").Contains('{', StringComparison.Ordinal))
            {
                errors.Add((field, "Een accolade { hoort bij een plaatshouder zoals {naam}; controleer de accolades."));
            }
        }
        foreach (var name in Required(kind).Where(r => !(body ?? "").Contains("{" + r + "}", StringComparison.Ordinal)))
        {
            errors.Add(("body", $"De tekst moet {{{name}}} bevatten ({Placeholders.First(p => p.Name == name).Description})."));
        }
        return errors;
    }

    public static IEnumerable<string> Allowed(ScanMailKind kind)
        => Placeholders.Select(p => p.Name).Where(n => n != "antwoorden" || kind == ScanMailKind.Bevestiging);

    /// <summary>Fills in the placeholders; the subject is kept to one line whatever the values hold.</summary>
    public static MailText Render(MailText template, IReadOnlyDictionary<string, string> values)
    {
        string Fill(string text) => PlaceholderPattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
        var subject = new StringBuilder(Fill(template.Subject));
        for (var i = 0; i < subject.Length; i++)
        {
            if (char.IsControl(subject[i]))
            {
                subject[i] = ' ';
            }
        }
        return new MailText(subject.ToString(), Fill(template.Body));
    }

    [GeneratedRegex(@"\{([a-z]+)\}")]
    private static partial Regex PlaceholderPattern();
}
