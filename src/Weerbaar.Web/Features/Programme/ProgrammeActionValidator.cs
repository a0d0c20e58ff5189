using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Shared;
using F = Weerbaar.Web.Features.Programme.ProgrammeActionFields;

namespace Weerbaar.Web.Features.Programme;

/// <summary>Checks an action against the catalogue and the other actions; every problem at once, in Dutch, per field.</summary>
public static class ProgrammeActionValidator
{
    public const double MaxFte = 100;
    public const decimal MaxBudget = 1_000_000_000m;
    public const int MaxLagDays = 3650;
    public const int MaxListItems = 50;
    public static readonly IReadOnlyList<string> RaciRoles = ["R", "A", "C", "I"];
    private static readonly DateOnly FirstDate = new(2000, 1, 1), LastDate = new(2100, 12, 31);

    /// <summary>Applies <paramref name="input"/> to <paramref name="row"/> when it is valid; leaves it unchanged otherwise.</summary>
    /// <param name="others">The gemeente's other actions (for dependencies and cycles).</param>
    public static List<FieldError> Apply(ProgrammeAction row, ProgrammeActionInput input, MeasuresCatalogue catalogue,
        GemeenteProgramme programme, IReadOnlyList<ProgrammeAction> others)
    {
        var errors = new List<FieldError>();
        var title = Text(input.Title, F.Title, "de titel", ProgrammeAction.MaxTitle, true, errors);
        var description = Text(input.Description, F.Description, "de beschrijving", ProgrammeAction.MaxText, false, errors);
        var pillar = Code(input.Pillar, catalogue.Pillars, F.Pillar, "pijler", errors);
        var phase = Code(input.Phase, catalogue.Phases, F.Phase, "fase", errors);
        var measure = string.IsNullOrWhiteSpace(input.MeasureCode) ? null : input.MeasureCode.Trim();
        if (measure is not null && !catalogue.Measures.Any(m => m.Code == measure))
        {
            errors.Add(new(F.Measure, $"Maatregel ‘{Short(measure)}’ staat niet in de maatregelencatalogus."));
        }
        var gapKind = string.IsNullOrWhiteSpace(input.GapKind) ? null : input.GapKind.Trim();
        if (gapKind is not null && !GapKinds.All.Contains(gapKind))
        {
            errors.Add(new(F.Gap, $"‘{Short(gapKind)}’ is geen bekende soort knelpunt."));
        }
        var department = Text(input.OwnerDepartment, F.OwnerDepartment, "de afdeling van de eigenaar", ProgrammeAction.MaxName, true, errors);
        var person = Text(input.OwnerPerson, F.OwnerPerson, "de naam van de eigenaar", ProgrammeAction.MaxName, false, errors);
        var raci = Raci(input.Raci ?? [], errors);
        var partners = Partners(input.Partners ?? [], errors);
        var oneOff = Money(input.OneOffBudget, F.OneOffBudget, "Het eenmalige budget", errors);
        var structural = Money(input.StructuralBudgetPerYear, F.StructuralBudget, "Het structurele budget per jaar", errors);
        var fte = Fte(input.FtePerMonth, errors);
        var start = Date(input.StartDate, F.Start, "de startdatum", errors);
        var deadline = Date(input.Deadline, F.Deadline, "de deadline", errors);
        if (start is { } s && deadline is { } d && d < s)
        {
            errors.Add(new(F.Deadline, $"De deadline ({Day(d)}) ligt vóór de startdatum ({Day(s)})."));
        }
        var dependencies = Dependencies(input.Dependencies ?? [], row.Number, others, errors);
        var milestones = Milestones(input.Milestones ?? [], errors);
        if (errors.Count > 0)
        {
            return errors;
        }
        var candidate = new ProgrammeAction
        {
            GemeenteCode = row.GemeenteCode,
            Number = row.Number,
            Title = title!,
            Pillar = pillar!,
            Phase = phase!,
            OwnerDepartment = department!,
            CreatedBy = "",
            UpdatedBy = "",
            StartDate = start!.Value,
            Deadline = deadline!.Value,
            Dependencies = dependencies,
        };
        var plan = ProgrammePlanning.Compute(programme, [.. others.Where(o => o.Number != row.Number), candidate]);
        if (plan.Problem is { } problem)
        {
            errors.Add(new(F.Dependencies, problem));
            return errors;
        }
        row.Title = title!;
        row.Description = description;
        row.Pillar = pillar!;
        row.Phase = phase!;
        row.MeasureCode = measure;
        row.GapKind = gapKind;
        row.GapReference = gapKind is null ? null : Trim(input.GapReference, 80);
        row.GapDescription = gapKind is null ? null : Trim(input.GapDescription, 2000);
        row.OwnerDepartment = department!;
        row.OwnerPerson = person;
        row.OwnerIsSocialDomain = input.OwnerIsSocialDomain;
        row.Raci = raci;
        row.Partners = partners;
        row.OneOffBudget = oneOff ?? 0;
        row.StructuralBudgetPerYear = structural ?? 0;
        row.FtePerMonth = fte ?? 0;
        row.StartDate = start!.Value;
        row.Deadline = deadline!.Value;
        row.Dependencies = dependencies;
        row.Milestones = milestones;
        return errors;
    }

    private static string? Text(string? value, string field, string what, int max, bool required, List<FieldError> errors)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add(new(field, $"Vul {what} in."));
            }
            return null;
        }
        if (text.Length > max)
        {
            errors.Add(new(field, $"{Capital(what)} is {Format.Number(text.Length)} tekens; het maximum is {Format.Number(max)}."));
        }
        return text;
    }

    private static string? Code(string? value, IReadOnlyList<Scenarios.CodeName> known, string field, string what, List<FieldError> errors)
    {
        var code = value?.Trim() ?? "";
        if (code.Length == 0)
        {
            errors.Add(new(field, $"Kies een {what}."));
            return null;
        }
        if (!known.Any(k => k.Code == code))
        {
            errors.Add(new(field, $"‘{Short(code)}’ is geen {what} van de maatregelencatalogus."));
            return null;
        }
        return code;
    }

    private static List<RaciEntry> Raci(IReadOnlyList<RaciEntry> entries, List<FieldError> errors)
    {
        var result = new List<RaciEntry>();
        if (entries.Count > MaxListItems)
        {
            errors.Add(new(F.Raci, $"Hooguit {MaxListItems} regels in de RACI."));
            return result;
        }
        foreach (var e in entries)
        {
            var role = e.Role?.Trim().ToUpperInvariant() ?? "";
            var party = e.Party?.Trim() ?? "";
            if (!RaciRoles.Contains(role))
            {
                errors.Add(new(F.Raci, $"‘{Short(e.Role ?? "")}’ is geen RACI-rol; gebruik R (uitvoerend), A (eindverantwoordelijk), C (geraadpleegd) of I (geïnformeerd)."));
            }
            else if (party.Length == 0 || party.Length > ProgrammeAction.MaxName)
            {
                errors.Add(new(F.Raci, $"Geef bij rol {role} aan wie het is (hooguit {ProgrammeAction.MaxName} tekens)."));
            }
            else
            {
                result.Add(new RaciEntry(role, party));
            }
        }
        if (result.Count(r => r.Role == "A") > 1)
        {
            errors.Add(new(F.Raci, "Eén partij is eindverantwoordelijk (A); er staan er " + result.Count(r => r.Role == "A") + "."));
        }
        return result;
    }

    private static List<string> Partners(IReadOnlyList<string> partners, List<FieldError> errors)
    {
        var result = new List<string>();
        foreach (var p in partners.Select(p => p?.Trim() ?? "").Where(p => p.Length > 0))
        {
            if (p.Length > ProgrammeAction.MaxName)
            {
                errors.Add(new(F.Partners, $"De partnernaam ‘{Short(p)}’ is langer dan {ProgrammeAction.MaxName} tekens."));
            }
            else if (!result.Contains(p, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(p);
            }
        }
        if (result.Count > MaxListItems)
        {
            errors.Add(new(F.Partners, $"Hooguit {MaxListItems} partners per actie."));
        }
        return result;
    }

    private static decimal? Money(string? value, string field, string what, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return 0;
        }
        if (DutchInput.Money(value) is not { } amount || amount < 0 || amount > MaxBudget)
        {
            errors.Add(new(field, $"{what} ‘{Short(value)}’ is geen bedrag in euro’s van 0 tot 1 miljard (bijvoorbeeld 12.500 of 12500,50)."));
            return null;
        }
        return amount;
    }

    private static double? Fte(string? value, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return 0;
        }
        if (DutchInput.Number(value) is not { } fte || fte < 0 || fte > MaxFte)
        {
            errors.Add(new(F.Fte, $"De inzet ‘{Short(value)}’ is geen aantal fte van 0 tot {MaxFte:0} (bijvoorbeeld 0,4)."));
            return null;
        }
        return Math.Round(fte, 3);
    }

    private static DateOnly? Date(string? value, string field, string what, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, $"Vul {what} in (dd-mm-jjjj)."));
            return null;
        }
        if (DutchInput.Date(value) is not { } date || date < FirstDate || date > LastDate)
        {
            errors.Add(new(field, $"‘{Short(value)}’ is geen datum tussen 2000 en 2100; gebruik dd-mm-jjjj."));
            return null;
        }
        return date;
    }

    private static List<ActionDependency> Dependencies(IReadOnlyList<ActionDependency> given, int self, IReadOnlyList<ProgrammeAction> others, List<FieldError> errors)
    {
        var result = new List<ActionDependency>();
        var known = others.Select(o => o.Number).ToHashSet();
        foreach (var d in given)
        {
            if (d.PredecessorNumber == self && self > 0)
            {
                errors.Add(new(F.Dependencies, $"A-{self} kan niet op zichzelf wachten."));
            }
            else if (!known.Contains(d.PredecessorNumber) || d.PredecessorNumber == self)
            {
                errors.Add(new(F.Dependencies, $"Actie A-{d.PredecessorNumber} bestaat niet in dit programma."));
            }
            else if (d.LagDays is < 0 or > MaxLagDays)
            {
                errors.Add(new(F.Dependencies, $"De wachttijd na A-{d.PredecessorNumber} moet 0 tot {Format.Number(MaxLagDays)} dagen zijn."));
            }
            else if (result.All(r => r.PredecessorNumber != d.PredecessorNumber))
            {
                result.Add(d);
            }
        }
        return result;
    }

    private static List<ActionMilestone> Milestones(IReadOnlyList<ActionMilestone> given, List<FieldError> errors)
    {
        if (given.Count > MaxListItems)
        {
            errors.Add(new(F.Milestones, $"Hooguit {MaxListItems} mijlpalen per actie."));
            return [];
        }
        var result = new List<ActionMilestone>();
        foreach (var m in given)
        {
            var name = m.Name?.Trim() ?? "";
            if (name.Length == 0 || name.Length > ProgrammeAction.MaxName)
            {
                errors.Add(new(F.Milestones, $"Elke mijlpaal heeft een naam van 1 tot {ProgrammeAction.MaxName} tekens."));
            }
            else if (m.Date < FirstDate || m.Date > LastDate)
            {
                errors.Add(new(F.Milestones, $"De datum van mijlpaal ‘{Short(name)}’ ligt niet tussen 2000 en 2100."));
            }
            else
            {
                result.Add(m with { Name = name });
            }
        }
        return [.. result.OrderBy(m => m.Date)];
    }

    private static string? Trim(string? value, int max) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(max, value.Trim().Length)];

    public static string Day(DateOnly d) => d.ToString("d MMMM yyyy", Format.Dutch);

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
