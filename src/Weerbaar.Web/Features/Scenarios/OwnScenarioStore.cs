using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.Scenarios;

/// <summary>An own scenario as typed in the form or sent to the API. Duration as text so "abc" gets a Dutch message.</summary>
/// <param name="Code">Empty on create: made from the name ("eigen-" + name in kebab-case).</param>
public sealed record OwnScenarioInput(
    string? Code, string? Name, string? Description, IReadOnlyList<string>? Pillars, IReadOnlyList<string>? VitalServices,
    string? TypicalDurationHours, IReadOnlyList<string>? ScarceResources, string? BasedOnCode);

public abstract record OwnScenarioOutcome
{
    public sealed record Saved(OwnScenario Scenario) : OwnScenarioOutcome;
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : OwnScenarioOutcome;
    public sealed record Conflict(string UpdatedBy) : OwnScenarioOutcome;
    public sealed record NotFound : OwnScenarioOutcome;
    /// <summary>A national scenario: read-only, copy it to adapt it.</summary>
    public sealed record National : OwnScenarioOutcome;
    /// <summary>Delete refused: an assessment refers to the scenario and its removal was not confirmed.</summary>
    public sealed record Assessed : OwnScenarioOutcome;
    public sealed record Deleted : OwnScenarioOutcome;
}

/// <summary>Creates, changes and deletes a gemeente's own scenarios; every problem is reported at once and nothing is half saved.</summary>
public sealed partial class OwnScenarioStore(AppDbContext db, ScenarioLibrary library, TimeProvider clock)
{
    public const int MaxDurationHours = 8760;
    public const int MaxCode = 80;

    public const string CodeField = "code";
    public const string NameField = "name";
    public const string DescriptionField = "description";
    public const string PillarsField = "pillars";
    public const string VitalServicesField = "vitalServices";
    public const string DurationField = "typicalDurationHours";
    public const string ResourcesField = "scarceResources";
    public const string BasedOnField = "basedOnCode";
    public const string VersionField = "version";

    public static string NationalMessage(string code) =>
        $"'{code}' is een landelijk scenario en kan niet worden gewijzigd of verwijderd. Kopieer het naar een eigen scenario om het aan te passen.";

    public async Task<OwnScenarioOutcome> CreateAsync(string gemeenteCode, OwnScenarioInput input, string user, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var code = CheckCode(input.Code, input.Name, errors);
        if (code is null && errors.Count == 0 && !string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(new(CodeField, $"Uit de naam is geen code te maken; geef zelf een code die begint met '{OwnScenario.CodePrefix}'."));
        }
        var basedOn = CheckBasedOn(input.BasedOnCode, errors);
        var row = new OwnScenario { GemeenteCode = gemeenteCode, Code = code ?? "", Name = "", Description = "", UpdatedBy = user };
        Apply(row, input, errors);
        if (code is not null && await db.OwnScenarios.AnyAsync(s => s.GemeenteCode == gemeenteCode && s.Code == code, ct))
        {
            errors.Add(new(CodeField, $"Er is al een eigen scenario met code '{code}'; kies een andere code."));
        }
        if (errors.Count > 0)
        {
            return new OwnScenarioOutcome.Invalid(errors);
        }
        row.BasedOnCode = basedOn;
        row.BasedOnLibraryVersion = basedOn is null ? null : library.Version;
        row.Version = 1;
        row.UpdatedAt = clock.GetUtcNow();
        db.OwnScenarios.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else stored the same code in between (unique index).
            db.ChangeTracker.Clear();
            return new OwnScenarioOutcome.Invalid([new(CodeField, $"Er is al een eigen scenario met code '{code}'; kies een andere code.")]);
        }
        return new OwnScenarioOutcome.Saved(row);
    }

    /// <param name="version">The version the editor saw; a different stored version is a conflict and nothing changes.</param>
    public async Task<OwnScenarioOutcome> UpdateAsync(string gemeenteCode, string code, OwnScenarioInput input, int? version, string user, CancellationToken ct)
    {
        if (IsNational(code))
        {
            return new OwnScenarioOutcome.National();
        }
        var lower = code.ToLowerInvariant();
        var row = await db.OwnScenarios.FirstOrDefaultAsync(s => s.GemeenteCode == gemeenteCode && s.Code == lower, ct);
        if (row is null)
        {
            return new OwnScenarioOutcome.NotFound();
        }
        if (version is null)
        {
            return new OwnScenarioOutcome.Invalid([new(VersionField, "De versie ontbreekt; haal het scenario opnieuw op en stuur de versie mee.")]);
        }
        if (version != row.Version)
        {
            return new OwnScenarioOutcome.Conflict(row.UpdatedBy);
        }
        var errors = new List<FieldError>();
        if (!string.IsNullOrWhiteSpace(input.Code) && !string.Equals(input.Code.Trim(), row.Code, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new(CodeField, "De code van een scenario kan niet worden gewijzigd; maak een nieuw scenario als u een andere code wilt."));
        }
        Apply(row, input, errors);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new OwnScenarioOutcome.Invalid(errors);
        }
        row.Version++;
        row.UpdatedBy = user;
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.OwnScenarios.AsNoTracking().FirstOrDefaultAsync(s => s.GemeenteCode == gemeenteCode && s.Code == lower, ct);
            return current is null ? new OwnScenarioOutcome.NotFound() : new OwnScenarioOutcome.Conflict(current.UpdatedBy);
        }
        return new OwnScenarioOutcome.Saved(row);
    }

    /// <param name="withAssessment">Also delete the scenario's risk assessment (the user confirmed it).</param>
    public async Task<OwnScenarioOutcome> DeleteAsync(string gemeenteCode, string code, bool withAssessment, CancellationToken ct)
    {
        if (IsNational(code))
        {
            return new OwnScenarioOutcome.National();
        }
        var lower = code.ToLowerInvariant();
        var row = await db.OwnScenarios.FirstOrDefaultAsync(s => s.GemeenteCode == gemeenteCode && s.Code == lower, ct);
        if (row is null)
        {
            return new OwnScenarioOutcome.NotFound();
        }
        var assessment = await db.RiskAssessments.FirstOrDefaultAsync(a => a.GemeenteCode == gemeenteCode && a.ScenarioCode == lower, ct);
        if (assessment is not null && !withAssessment)
        {
            return new OwnScenarioOutcome.Assessed();
        }
        if (assessment is not null)
        {
            db.RiskAssessments.Remove(assessment);
        }
        db.OwnScenarios.Remove(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new OwnScenarioOutcome.Conflict(row.UpdatedBy);
        }
        return new OwnScenarioOutcome.Deleted();
    }

    public bool IsNational(string code) => library.Scenarios.Any(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));

    private void Apply(OwnScenario row, OwnScenarioInput input, List<FieldError> errors)
    {
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(new(NameField, "Geef het scenario een naam."));
        }
        else if (name.Length > OwnScenario.MaxName)
        {
            errors.Add(new(NameField, $"De naam is {name.Length} tekens; het maximum is {OwnScenario.MaxName}."));
        }
        var description = input.Description?.Trim() ?? "";
        if (description.Length == 0)
        {
            errors.Add(new(DescriptionField, "Beschrijf wat er in het scenario gebeurt."));
        }
        else if (description.Length > OwnScenario.MaxDescription)
        {
            errors.Add(new(DescriptionField, $"De beschrijving is {description.Length} tekens; het maximum is {Shared.Format.Number(OwnScenario.MaxDescription)}."));
        }
        var pillars = Known(input.Pillars, library.Pillars.Select(p => p.Code), PillarsField, "pijler", errors);
        if (pillars.Count == 0 && !errors.Any(e => e.Field == PillarsField))
        {
            errors.Add(new(PillarsField, "Kies ten minste één pijler die het scenario raakt."));
        }
        var services = Known(input.VitalServices, library.VitalServices.Select(p => p.Code), VitalServicesField, "vitale voorziening", errors);
        var resources = Known(input.ScarceResources, library.Resources.Select(p => p.Code), ResourcesField, "middel", errors);
        var durationText = input.TypicalDurationHours?.Trim().Replace(".", "", StringComparison.Ordinal) ?? "";
        var duration = 0;
        if (durationText.Length == 0)
        {
            errors.Add(new(DurationField, "Geef de typische duur in uren (1 tot en met 8.760)."));
        }
        else if (!int.TryParse(durationText, NumberStyles.Integer, CultureInfo.InvariantCulture, out duration) || duration is < 1 or > MaxDurationHours)
        {
            errors.Add(new(DurationField, $"De typische duur '{Shorten(input.TypicalDurationHours!)}' is geen geheel aantal uren van 1 tot en met 8.760 (een jaar)."));
        }
        if (errors.Count > 0)
        {
            return;
        }
        row.Name = name;
        row.Description = description;
        row.Pillars = pillars;
        row.VitalServices = services;
        row.ScarceResources = resources;
        row.TypicalDurationHours = duration;
    }

    private static List<string> Known(IReadOnlyList<string>? given, IEnumerable<string> codes, string field, string what, List<FieldError> errors)
    {
        var known = codes.ToList();
        var result = new List<string>();
        foreach (var code in given ?? [])
        {
            if (!known.Contains(code, StringComparer.Ordinal))
            {
                errors.Add(new(field, $"Onbekende {what} '{Shorten(code)}'."));
            }
            else if (!result.Contains(code, StringComparer.Ordinal))
            {
                result.Add(code);
            }
        }
        // In the library's order, so lists read the same everywhere.
        return [.. known.Where(result.Contains)];
    }

    private static string? CheckCode(string? typed, string? name, List<FieldError> errors)
    {
        var code = typed?.Trim().ToLowerInvariant() ?? "";
        if (code.Length == 0)
        {
            var slug = Slug(name ?? "");
            return slug.Length == 0 ? null : (OwnScenario.CodePrefix + slug)[..Math.Min(MaxCode, OwnScenario.CodePrefix.Length + slug.Length)].TrimEnd('-');
        }
        if (!code.StartsWith(OwnScenario.CodePrefix, StringComparison.Ordinal))
        {
            errors.Add(new(CodeField, $"De code '{Shorten(typed!)}' moet beginnen met '{OwnScenario.CodePrefix}', zodat hij nooit botst met een landelijk scenario."));
            return null;
        }
        if (code.Length > MaxCode || !CodeRegex().IsMatch(code))
        {
            errors.Add(new(CodeField, $"De code '{Shorten(typed!)}' mag alleen kleine letters, cijfers en streepjes bevatten, na '{OwnScenario.CodePrefix}' minstens één teken, en hooguit {MaxCode} tekens lang zijn."));
            return null;
        }
        return code;
    }

    private string? CheckBasedOn(string? code, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        var national = library.Scenarios.FirstOrDefault(s => string.Equals(s.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
        if (national is null)
        {
            errors.Add(new(BasedOnField, $"'{Shorten(code)}' is geen scenario uit de landelijke bibliotheek."));
        }
        return national?.Code;
    }

    /// <summary>Lower-case kebab-case of a name, accents removed: "Uitval Brücke 2" → "uitval-brucke-2".</summary>
    public static string Slug(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }
        return sb.ToString().Trim('-');
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^eigen-[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodeRegex();
}
