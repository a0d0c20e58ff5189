using System.Globalization;
using System.Text.RegularExpressions;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Shared;
using F = Weerbaar.Web.Features.Programme.ProgrammeActionFields;

namespace Weerbaar.Web.Features.Programme;

/// <summary>What the action form shows: the typed text of every field, so a refused save shows it again unchanged.</summary>
public sealed record ProgrammeActionFormValues
{
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public string Pillar { get; init; } = "";
    public string Phase { get; init; } = "";
    public string MeasureCode { get; init; } = "";
    public string GapKind { get; init; } = "";
    public string GapReference { get; init; } = "";
    public string GapDescription { get; init; } = "";
    public string OwnerDepartment { get; init; } = "";
    public string OwnerPerson { get; init; } = "";
    public bool OwnerIsSocialDomain { get; init; }
    public string Raci { get; init; } = "";
    public IReadOnlyList<string> CataloguePartners { get; init; } = [];
    public string OwnPartners { get; init; } = "";
    public string OneOffBudget { get; init; } = "";
    public string StructuralBudget { get; init; } = "";
    public string Fte { get; init; } = "";
    public string Start { get; init; } = "";
    public string Deadline { get; init; } = "";
    public string Dependencies { get; init; } = "";
    public string Milestones { get; init; } = "";
}

/// <summary>Between the form's text fields (one entry per line, "A-3 +14" for a dependency) and <see cref="ProgrammeActionInput"/>.</summary>
public static partial class ProgrammeActionForm
{
    public static ProgrammeActionFormValues From(ProgrammeAction a, MeasuresCatalogue catalogue)
    {
        var codes = catalogue.Partners.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        return new()
        {
            Title = a.Title,
            Description = a.Description ?? "",
            Pillar = a.Pillar,
            Phase = a.Phase,
            MeasureCode = a.MeasureCode ?? "",
            GapKind = a.GapKind ?? "",
            GapReference = a.GapReference ?? "",
            GapDescription = a.GapDescription ?? "",
            OwnerDepartment = a.OwnerDepartment,
            OwnerPerson = a.OwnerPerson ?? "",
            OwnerIsSocialDomain = a.OwnerIsSocialDomain,
            Raci = string.Join("\n", a.Raci.Select(r => $"{r.Role}: {r.Party}")),
            CataloguePartners = [.. a.Partners.Where(codes.Contains)],
            OwnPartners = string.Join("\n", a.Partners.Where(p => !codes.Contains(p))),
            OneOffBudget = Money(a.OneOffBudget),
            StructuralBudget = Money(a.StructuralBudgetPerYear),
            Fte = a.FtePerMonth == 0 ? "" : a.FtePerMonth.ToString("0.###", Format.Dutch),
            Start = Iso(a.StartDate),
            Deadline = Iso(a.Deadline),
            Dependencies = string.Join(", ", a.Dependencies.Select(d => d.LagDays > 0 ? $"A-{d.PredecessorNumber} +{d.LagDays}" : $"A-{d.PredecessorNumber}")),
            Milestones = string.Join("\n", a.Milestones.Select(m => $"{m.Date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)}: {m.Name}{(m.Reached ? " (bereikt)" : "")}")),
        };
    }

    /// <summary>A new action from a catalogue measure (and the gap it answers), starting today and due in a quarter.</summary>
    public static ProgrammeActionFormValues FromMeasure(Measure? m, ProgrammeGap? gap, DateOnly today) => new()
    {
        Title = m?.Name ?? "",
        Description = m?.Description ?? "",
        Pillar = m?.Pillar ?? (gap?.Kind == GapKinds.ScanPillar ? gap.Reference : ""),
        Phase = m?.Phase ?? "koude-fase",
        MeasureCode = m?.Code ?? "",
        GapKind = gap?.Kind ?? "",
        GapReference = gap?.Reference ?? "",
        GapDescription = gap?.Description ?? "",
        CataloguePartners = m?.Partners ?? [],
        Start = Iso(today),
        Deadline = Iso(today.AddMonths(3).AddDays(-1)),
    };

    public static (ProgrammeActionInput Input, ProgrammeActionFormValues Typed, List<FieldError> Errors) Read(IReadOnlyDictionary<string, IReadOnlyList<string>> form)
    {
        string One(string name) => form.TryGetValue(name, out var v) && v.Count > 0 ? v[0] ?? "" : "";
        var typed = new ProgrammeActionFormValues
        {
            Title = One(F.Title),
            Description = One(F.Description),
            Pillar = One(F.Pillar),
            Phase = One(F.Phase),
            MeasureCode = One(F.Measure),
            GapKind = One(F.Gap),
            GapReference = One("gapReference"),
            GapDescription = One("gapDescription"),
            OwnerDepartment = One(F.OwnerDepartment),
            OwnerPerson = One(F.OwnerPerson),
            OwnerIsSocialDomain = One(F.SocialDomain) is "true" or "on" or "ja",
            Raci = One(F.Raci),
            CataloguePartners = form.TryGetValue(F.Partners, out var ps) ? [.. ps] : [],
            OwnPartners = One(F.OwnPartners),
            OneOffBudget = One(F.OneOffBudget),
            StructuralBudget = One(F.StructuralBudget),
            Fte = One(F.Fte),
            Start = One(F.Start),
            Deadline = One(F.Deadline),
            Dependencies = One(F.Dependencies),
            Milestones = One(F.Milestones),
        };
        var errors = new List<FieldError>();
        var raci = new List<RaciEntry>();
        foreach (var line in Lines(typed.Raci))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 1)
            {
                errors.Add(new(F.Raci, $"‘{Short(line)}’: schrijf de rol, een dubbele punt en wie, bijvoorbeeld ‘A: burgemeester’."));
            }
            else
            {
                raci.Add(new RaciEntry(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }
        var dependencies = new List<ActionDependency>();
        foreach (var part in typed.Dependencies.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = DependencyRegex().Match(part);
            if (!match.Success || !int.TryParse(match.Groups["n"].Value, out var n))
            {
                errors.Add(new(F.Dependencies, $"‘{Short(part)}’ is geen actie; schrijf bijvoorbeeld ‘A-3’ of ‘A-3 +14’ (14 dagen na het einde van A-3)."));
                continue;
            }
            var lag = match.Groups["lag"].Success && int.TryParse(match.Groups["lag"].Value, out var l) ? l : 0;
            dependencies.Add(new ActionDependency(n, lag));
        }
        var milestones = new List<ActionMilestone>();
        foreach (var line in Lines(typed.Milestones))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var date = colon > 0 ? DutchInput.Date(line[..colon]) : null;
            if (date is null)
            {
                errors.Add(new(F.Milestones, $"‘{Short(line)}’: begin met de datum (dd-mm-jjjj), dan een dubbele punt en de naam."));
                continue;
            }
            var name = line[(colon + 1)..].Trim();
            var reached = name.EndsWith("(bereikt)", StringComparison.OrdinalIgnoreCase);
            milestones.Add(new ActionMilestone(reached ? name[..^"(bereikt)".Length].Trim() : name, date.Value, reached));
        }
        var partners = typed.CataloguePartners.Concat(Lines(typed.OwnPartners)).ToList();
        var input = new ProgrammeActionInput(typed.Title, typed.Description, typed.Pillar, typed.Phase, typed.MeasureCode,
            typed.GapKind, typed.GapReference, typed.GapDescription, typed.OwnerDepartment, typed.OwnerPerson, typed.OwnerIsSocialDomain,
            raci, partners, typed.OneOffBudget, typed.StructuralBudget, typed.Fte, typed.Start, typed.Deadline, dependencies, milestones);
        return (input, typed, errors);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Money(decimal amount) => amount == 0 ? "" : amount.ToString("#,##0.##", Format.Dutch);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^(A-?)?(?<n>\d{1,6})\s*(\+\s*(?<lag>\d{1,5})\s*(d|dag|dagen)?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DependencyRegex();
}
